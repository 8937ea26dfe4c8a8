from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'component.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_component_heading = resolve('component_heading')
    l_0_component = resolve('component')
    l_0_html = resolve('html')
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
    yield '---\ntitle: '
    yield str(t_4(t_1(context.call((undefined(name='component_heading') if l_0_component_heading is missing else l_0_component_heading), (undefined(name='component') if l_0_component is missing else l_0_component)))))
    yield '\n---\n\n# '
    yield str(t_3(context.call((undefined(name='component_heading') if l_0_component_heading is missing else l_0_component_heading), (undefined(name='component') if l_0_component is missing else l_0_component)), line_start=False))
    yield ' '
    yield str(t_2(environment.getattr((undefined(name='component') if l_0_component is missing else l_0_component), 'anchor')))
    yield '\n\n'
    yield from context.blocks['introduction'][0](context)
    yield from context.blocks['risks'][0](context)
    yield from context.blocks['controls'][0](context)
    yield str(context.call((undefined(name='html') if l_0_html is missing else l_0_html), 'attribution.html.j2'))
    yield '\n'

def block_introduction(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_component = resolve('component')
    l_0_catalog = resolve('catalog')
    l_0_sentence = resolve('sentence')
    l_0_t = resolve('t')
    l_0_layout = resolve('layout')
    l_0_intro = missing
    try:
        t_5 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_6 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_7 = environment.filters['text_html']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'text_html' found.")
    pass
    if (environment.getattr((undefined(name='component') if l_0_component is missing else l_0_component), 'is_system') and environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'system_introduction')):
        pass
        yield str(t_7(context, environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'system_introduction')))
        yield '\n\n'
    if environment.getattr((undefined(name='component') if l_0_component is missing else l_0_component), 'introduction'):
        pass
        yield str(t_7(context, t_5(context.eval_ctx, environment.getattr((undefined(name='component') if l_0_component is missing else l_0_component), 'introduction'), '\n\n')))
        yield '\n\n'
    l_0_intro = ('component_intro' if environment.getattr((undefined(name='component') if l_0_component is missing else l_0_component), 'is_system') else ('component_intro_process' if (environment.getattr((undefined(name='component') if l_0_component is missing else l_0_component), 'kind') == 'process') else 'component_intro_data'))
    _block_vars['intro'] = l_0_intro
    yield str(context.call((undefined(name='sentence') if l_0_sentence is missing else l_0_sentence), (undefined(name='intro') if l_0_intro is missing else l_0_intro), count=context.call(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'risk_count'), t_6(environment.getattr((undefined(name='component') if l_0_component is missing else l_0_component), 'risks')), _block_vars=_block_vars), catalog=environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'short_title'), url=context.call(environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'overview'), (undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), _block_vars=_block_vars), diagram=str_join((context.call(environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'overview'), (undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), _block_vars=_block_vars), '#system-diagram', )), _block_vars=_block_vars))
    yield '\n\n'

def block_risks(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_component = resolve('component')
    pass
    for l_1_risk in environment.getattr((undefined(name='component') if l_0_component is missing else l_0_component), 'risks'):
        _loop_vars = {}
        pass
        template = environment.get_template('risk.md.j2', 'component.md.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'risk': l_1_risk}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    l_1_risk = missing

def block_controls(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_component = resolve('component')
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
    if environment.getattr((undefined(name='component') if l_0_component is missing else l_0_component), 'controls'):
        pass
        yield '## '
        yield str(t_3(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'heading_component_controls', _block_vars=_block_vars)))
        yield ' {#generic-controls}\n\n'
        yield str(context.call((undefined(name='html') if l_0_html is missing else l_0_html), 'controls.html.j2', controls=environment.getattr((undefined(name='component') if l_0_component is missing else l_0_component), 'controls'), _block_vars=_block_vars))
        yield '\n\n'

blocks = {'introduction': block_introduction, 'risks': block_risks, 'controls': block_controls}
debug_info = '5=39&8=41&10=45&23=46&28=47&36=48&10=51&11=83&12=85&15=87&16=89&19=91&20=93&23=96&24=105&25=108&28=116&29=139&30=142&32=144'