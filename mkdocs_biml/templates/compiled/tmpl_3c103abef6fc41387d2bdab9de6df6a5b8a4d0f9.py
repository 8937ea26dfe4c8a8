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
    for l_1_risk in context.call(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'risks')):
        l_1_source_href = resolve('source_href')
        l_1_layout = resolve('layout')
        l_1_component_heading = resolve('component_heading')
        _loop_vars = {}
        pass
        yield '<tr>\n<td><code>'
        yield escape(environment.getattr(l_1_risk, 'qualified_tag'))
        yield '</code></td>\n<td><a href="'
        yield escape(context.call((undefined(name='source_href') if l_1_source_href is missing else l_1_source_href), context.call(environment.getattr((undefined(name='layout') if l_1_layout is missing else l_1_layout), 'risk_target'), l_1_risk, _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        yield '">'
        yield escape(environment.getattr(l_1_risk, 'title'))
        yield '</a></td>\n<td><a href="'
        yield escape(context.call((undefined(name='source_href') if l_1_source_href is missing else l_1_source_href), context.call(environment.getattr((undefined(name='layout') if l_1_layout is missing else l_1_layout), 'component_page'), environment.getattr(l_1_risk, 'component'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        yield '">'
        yield escape(context.call((undefined(name='component_heading') if l_1_component_heading is missing else l_1_component_heading), environment.getattr(l_1_risk, 'component'), _loop_vars=_loop_vars))
        yield '</a></td>\n</tr>\n'
    l_1_risk = l_1_source_href = l_1_layout = l_1_component_heading = missing
    yield '</tbody>\n</table>\n'

blocks = {}
debug_info = '2=15&6=17&7=19&8=21&12=23&14=30&15=32&16=36'