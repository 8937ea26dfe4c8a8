from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'risk.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_catalog = resolve('catalog')
    l_0_risk = resolve('risk')
    l_0_t = resolve('t')
    l_0_source_href = resolve('source_href')
    l_0_layout = resolve('layout')
    l_0_controls = resolve('controls')
    l_0_backlinks = resolve('backlinks')
    l_0_entry = missing
    try:
        t_1 = environment.filters['text']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'text' found.")
    pass
    l_0_entry = context.call(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'top_ten_rank'), (undefined(name='risk') if l_0_risk is missing else l_0_risk))
    context.vars['entry'] = l_0_entry
    context.exported_vars.add('entry')
    yield '<p><strong>'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_tag'))
    yield '</strong> <code>'
    yield escape(environment.getattr((undefined(name='risk') if l_0_risk is missing else l_0_risk), 'qualified_tag'))
    yield '</code>'
    if (undefined(name='entry') if l_0_entry is missing else l_0_entry):
        pass
        yield ' · <strong>'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'label_top_ten'))
        yield '</strong> <a href="'
        yield escape(context.call((undefined(name='source_href') if l_0_source_href is missing else l_0_source_href), markup_join((context.call(environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'overview'), (undefined(name='catalog') if l_0_catalog is missing else l_0_catalog)), '#', environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'anchor'), ))))
        yield '">'
        yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'rank'))
        yield '. '
        yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'name'))
        yield '</a>'
    yield '</p>\n'
    yield escape(t_1(context, environment.getattr((undefined(name='risk') if l_0_risk is missing else l_0_risk), 'description')))
    yield '\n'
    if environment.getattr((undefined(name='risk') if l_0_risk is missing else l_0_risk), 'controls'):
        pass
        yield '<p><strong>'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'label_controls'))
        yield '</strong></p>\n'
        l_0_controls = environment.getattr((undefined(name='risk') if l_0_risk is missing else l_0_risk), 'controls')
        context.vars['controls'] = l_0_controls
        context.exported_vars.add('controls')
        template = environment.get_template('controls.html.j2', 'risk.html.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'controls': l_0_controls, 'entry': l_0_entry}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    yield escape(context.call((undefined(name='backlinks') if l_0_backlinks is missing else l_0_backlinks), (undefined(name='risk') if l_0_risk is missing else l_0_risk)))
    yield '\n'

blocks = {}
debug_info = '3=25&4=29&5=45&6=47&7=50&8=52&9=55&11=61'