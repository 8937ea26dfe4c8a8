from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'overview.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_system_component = resolve('system_component')
    l_0_catalog = resolve('catalog')
    l_0_t = resolve('t')
    l_0_system = missing
    try:
        t_1 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_2 = environment.filters['heading_id']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'heading_id' found.")
    try:
        t_3 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_4 = environment.filters['yaml']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'yaml' found.")
    pass
    l_0_system = context.call((undefined(name='system_component') if l_0_system_component is missing else l_0_system_component), (undefined(name='catalog') if l_0_catalog is missing else l_0_catalog))
    context.vars['system'] = l_0_system
    context.exported_vars.add('system')
    yield '---\ntitle: '
    yield str(t_4(t_1(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'overview_title', catalog=environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'short_title')))))
    yield '\n---\n\n# '
    yield str(t_3(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'short_title')))
    yield ': '
    yield str(t_3(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'title')))
    yield ' {#overview}\n\n'
    if environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'subtitle'):
        pass
        yield '*'
        yield str(t_3(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'subtitle')))
        yield '*\n\n'
    yield from context.blocks['introduction'][0](context)
    yield from context.blocks['diagram'][0](context)
    yield from context.blocks['top_ten'][0](context)
    yield from context.blocks['risk_table'][0](context)

def block_introduction(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_catalog = resolve('catalog')
    l_0_html = resolve('html')
    l_0_t = resolve('t')
    l_0_system = resolve('system')
    l_0_risk_total = resolve('risk_total')
    l_0_example_tag = resolve('example_tag')
    l_0_link = resolve('link')
    l_0_layout = resolve('layout')
    try:
        t_5 = environment.filters['code']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'code' found.")
    try:
        t_3 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    if environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'introduction'):
        pass
        yield str(context.call((undefined(name='html') if l_0_html is missing else l_0_html), 'introduction.html.j2', _block_vars=_block_vars))
        yield '\n\n'
    yield str(context.call((undefined(name='t') if l_0_t is missing else l_0_t), ('overview_describes_system' if (undefined(name='system') if l_0_system is missing else l_0_system) else 'overview_describes'), catalog=t_3(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'short_title')), risks=context.call((undefined(name='risk_total') if l_0_risk_total is missing else l_0_risk_total), (undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), _block_vars=_block_vars), example=t_5(str_join(('[', context.call((undefined(name='example_tag') if l_0_example_tag is missing else l_0_example_tag), (undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), _block_vars=_block_vars), ']', ))), _block_vars=_block_vars))
    yield '\n'
    if environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'references'):
        pass
        yield str(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'overview_references', url=context.call((undefined(name='link') if l_0_link is missing else l_0_link), context.call(environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'references_page'), (undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), _block_vars=_block_vars), _block_vars=_block_vars), _block_vars=_block_vars))
        yield '\n'
    yield str(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'overview_coverage', url=context.call((undefined(name='link') if l_0_link is missing else l_0_link), context.call(environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'coverage_page'), _block_vars=_block_vars), _block_vars=_block_vars), _block_vars=_block_vars))
    yield '\n\n'
    yield str(context.call((undefined(name='html') if l_0_html is missing else l_0_html), 'attribution.html.j2', _block_vars=_block_vars))
    yield '\n\n'

def block_diagram(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_t = resolve('t')
    l_0_html = resolve('html')
    l_0_system = resolve('system')
    l_0_sentence = resolve('sentence')
    l_0_page_link = resolve('page_link')
    l_0_layout = resolve('layout')
    try:
        t_2 = environment.filters['heading_id']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'heading_id' found.")
    try:
        t_6 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '## '
    yield str(t_3(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'heading_system_diagram', _block_vars=_block_vars)))
    yield ' {#system-diagram}\n\n'
    yield str(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'diagram_intro', _block_vars=_block_vars))
    yield '\n\n'
    yield str(context.call((undefined(name='html') if l_0_html is missing else l_0_html), 'diagram.html.j2', _block_vars=_block_vars))
    yield '\n\n'
    if (undefined(name='system') if l_0_system is missing else l_0_system):
        pass
        yield str(context.call((undefined(name='sentence') if l_0_sentence is missing else l_0_sentence), 'system_risks', link=context.call((undefined(name='page_link') if l_0_page_link is missing else l_0_page_link), str_join((environment.getattr((undefined(name='system') if l_0_system is missing else l_0_system), 'name'), ': ', context.call(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'risk_count'), t_6(environment.getattr((undefined(name='system') if l_0_system is missing else l_0_system), 'risks')), _block_vars=_block_vars), )), context.call(environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'component_page'), (undefined(name='system') if l_0_system is missing else l_0_system), _block_vars=_block_vars), _block_vars=_block_vars), _block_vars=_block_vars))
        yield '\n\n'

def block_top_ten(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_catalog = resolve('catalog')
    l_0_t = resolve('t')
    try:
        t_2 = environment.filters['heading_id']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'heading_id' found.")
    try:
        t_7 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_8 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_3 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_9 = environment.filters['text_html']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'text_html' found.")
    pass
    if environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'top_ten'):
        pass
        yield '## '
        yield str(t_3(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'heading_top_ten', _block_vars=_block_vars)))
        yield ' {#top-ten}\n\n'
        for l_1_entry in environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'top_ten'):
            l_1_sentence = resolve('sentence')
            _loop_vars = {}
            pass
            yield '### '
            yield str(environment.getattr(l_1_entry, 'rank'))
            yield '. '
            yield str(t_3(environment.getattr(l_1_entry, 'name')))
            yield ' '
            yield str(t_2(environment.getattr(l_1_entry, 'anchor')))
            yield '\n\n'
            yield str(t_9(context, environment.getattr(l_1_entry, 'text')))
            yield '\n\n'
            if environment.getattr(l_1_entry, 'risks'):
                pass
                yield str(context.call((undefined(name='sentence') if l_1_sentence is missing else l_1_sentence), 'top_ten_risks', risks=t_7(context.eval_ctx, t_8(context, environment.getattr(l_1_entry, 'risks'), 'risk_link')), _loop_vars=_loop_vars))
                yield '\n\n'
        l_1_entry = l_1_sentence = missing

def block_risk_table(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_t = resolve('t')
    l_0_html = resolve('html')
    try:
        t_2 = environment.filters['heading_id']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'heading_id' found.")
    try:
        t_3 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '## '
    yield str(t_3(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'heading_all_risks', _block_vars=_block_vars)))
    yield ' {#all-risks}\n\n'
    yield str(context.call((undefined(name='html') if l_0_html is missing else l_0_html), 'risk-table.html.j2', _block_vars=_block_vars))
    yield '\n'

blocks = {'introduction': block_introduction, 'diagram': block_diagram, 'top_ten': block_top_ten, 'risk_table': block_risk_table}
debug_info = '5=39&7=43&10=45&12=49&13=52&16=54&30=55&42=56&58=57&16=59&17=87&18=89&21=91&22=93&23=95&25=97&27=99&30=102&31=135&33=137&35=139&37=141&38=143&42=146&43=186&44=189&46=191&47=196&49=202&51=204&52=206&58=210&59=233&61=235'