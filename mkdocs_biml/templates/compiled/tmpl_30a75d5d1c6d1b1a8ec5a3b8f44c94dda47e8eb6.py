from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'assessment.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_name = resolve('name')
    l_0_folder = resolve('folder')
    l_0_t = resolve('t')
    l_0_link = resolve('link')
    l_0_layout = resolve('layout')
    l_0_catalogs = resolve('catalogs')
    try:
        t_1 = environment.filters['code']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'code' found.")
    try:
        t_2 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_3 = environment.filters['heading_id']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'heading_id' found.")
    try:
        t_4 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_5 = environment.filters['slug']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'slug' found.")
    try:
        t_6 = environment.filters['yaml']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'yaml' found.")
    pass
    yield '---\ntitle: '
    yield str(t_6(t_2((undefined(name='name') if l_0_name is missing else l_0_name))))
    yield '\n---\n\n# '
    yield str(t_4((undefined(name='name') if l_0_name is missing else l_0_name)))
    yield '\n\n'
    if context.call(environment.getattr((undefined(name='folder') if l_0_folder is missing else l_0_folder), 'startswith'), '@'):
        pass
        yield str(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'assessment_intro_other', name=t_4((undefined(name='name') if l_0_name is missing else l_0_name)), url=context.call((undefined(name='link') if l_0_link is missing else l_0_link), context.call(environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'coverage_page')))))
        yield '\n'
    else:
        pass
        yield str(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'assessment_intro', name=t_4((undefined(name='name') if l_0_name is missing else l_0_name)), folder=t_1(str_join(((undefined(name='folder') if l_0_folder is missing else l_0_folder), '/', ))), url=context.call((undefined(name='link') if l_0_link is missing else l_0_link), context.call(environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'coverage_page')))))
        yield '\n'
    yield '\n'
    for l_1_catalog in (undefined(name='catalogs') if l_0_catalogs is missing else l_0_catalogs):
        l_1_heat_map = resolve('heat_map')
        l_1_assessment_table = resolve('assessment_table')
        _loop_vars = {}
        pass
        yield '## '
        yield str(t_4(environment.getattr(l_1_catalog, 'short_title')))
        yield ' '
        yield str(t_3(str_join(('assessment-', t_5(environment.getattr(l_1_catalog, 'id')), ))))
        yield '\n\n'
        yield str(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'assessment_heat_map', open=t_4(context.call(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'status'), 'open', _loop_vars=_loop_vars)), _loop_vars=_loop_vars))
        yield '\n\n'
        yield str(context.call((undefined(name='heat_map') if l_1_heat_map is missing else l_1_heat_map), l_1_catalog, (undefined(name='name') if l_0_name is missing else l_0_name), _loop_vars=_loop_vars))
        yield '\n\n'
        yield str(context.call((undefined(name='assessment_table') if l_1_assessment_table is missing else l_1_assessment_table), l_1_catalog, (undefined(name='name') if l_0_name is missing else l_0_name), _loop_vars=_loop_vars))
        yield '\n\n'
    l_1_catalog = l_1_heat_map = l_1_assessment_table = missing

blocks = {}
debug_info = '4=54&7=56&10=58&11=60&13=64&16=67&17=73&19=77&21=79&23=81'