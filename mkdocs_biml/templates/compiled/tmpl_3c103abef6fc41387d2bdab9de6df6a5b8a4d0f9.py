from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'risk-table.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_table_tools = resolve('table_tools')
    l_0_t = resolve('t')
    l_0_catalog = resolve('catalog')
    pass
    yield '<div class="biml-table-tools" data-biml-table="risks"'
    yield escape(context.call((undefined(name='table_tools') if l_0_table_tools is missing else l_0_table_tools)))
    yield '></div>\n<table>\n<thead>\n<tr>\n<th>'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_tag'))
    yield '</th>\n<th>'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_risk'))
    yield '</th>\n<th>'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_component'))
    yield '</th>\n</tr>\n</thead>\n<tbody>\n'
    for l_1_component in environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'components'):
        l_1_component_link = missing
        _loop_vars = {}
        pass
        l_2_source_href = resolve('source_href')
        l_2_layout = resolve('layout')
        l_2_component_heading = resolve('component_heading')
        t_1 = []
        pass
        t_1.extend((
            '<a href="',
            escape(context.call((undefined(name='source_href') if l_2_source_href is missing else l_2_source_href), context.call(environment.getattr((undefined(name='layout') if l_2_layout is missing else l_2_layout), 'component_page'), l_1_component))),
            '">',
            escape(context.call((undefined(name='component_heading') if l_2_component_heading is missing else l_2_component_heading), l_1_component)),
            '</a>',
        ))
        l_1_component_link = (Markup if context.eval_ctx.autoescape else identity)(concat(t_1))
        _loop_vars['component_link'] = l_1_component_link
        l_2_source_href = l_2_layout = l_2_component_heading = missing
        for l_2_risk in environment.getattr(l_1_component, 'risks'):
            l_2_source_href = resolve('source_href')
            l_2_layout = resolve('layout')
            _loop_vars = {}
            pass
            yield '<tr>\n<td><code>'
            yield escape(environment.getattr(l_2_risk, 'qualified_tag'))
            yield '</code></td>\n<td><a href="'
            yield escape(context.call((undefined(name='source_href') if l_2_source_href is missing else l_2_source_href), context.call(environment.getattr((undefined(name='layout') if l_2_layout is missing else l_2_layout), 'risk_target'), l_2_risk, _loop_vars=_loop_vars), _loop_vars=_loop_vars))
            yield '">'
            yield escape(environment.getattr(l_2_risk, 'title'))
            yield '</a></td>\n<td>'
            yield escape((undefined(name='component_link') if l_1_component_link is missing else l_1_component_link))
            yield '</td>\n</tr>\n'
        l_2_risk = l_2_source_href = l_2_layout = missing
    l_1_component = l_1_component_link = missing
    yield '</tbody>\n</table>\n'

blocks = {}
debug_info = '2=15&6=17&7=19&8=21&13=23&14=34&15=42&17=48&18=50&19=54'