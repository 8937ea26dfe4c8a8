from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'risk-query.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_rows = resolve('rows')
    l_0_t = resolve('t')
    l_0_show_assessment = resolve('show_assessment')
    pass
    if (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        pass
        yield '<div class="biml-coverage-scroll">\n<table class="biml-risk-query">\n<thead>\n<tr><th scope="col">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_risk'))
        yield '</th>'
        if (undefined(name='show_assessment') if l_0_show_assessment is missing else l_0_show_assessment):
            pass
            yield '<th scope="col">'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_assessment'))
            yield '</th>'
        yield '<th scope="col">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_component'))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_status'))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_owner'))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_set_by'))
        yield '</th></tr>\n</thead>\n<tbody>\n'
        for l_1_item in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
            l_1_component_heading = resolve('component_heading')
            l_1_row = l_1_cell = missing
            _loop_vars = {}
            pass
            l_1_row = environment.getattr(l_1_item, 'row')
            _loop_vars['row'] = l_1_row
            l_1_cell = environment.getattr((undefined(name='row') if l_1_row is missing else l_1_row), 'cell')
            _loop_vars['cell'] = l_1_cell
            yield '<tr><td><a href="'
            yield escape(environment.getattr((undefined(name='row') if l_1_row is missing else l_1_row), 'href'))
            yield '">'
            yield escape(environment.getattr(environment.getattr((undefined(name='row') if l_1_row is missing else l_1_row), 'risk'), 'title'))
            yield '</a> <code>'
            yield escape(environment.getattr(environment.getattr((undefined(name='row') if l_1_row is missing else l_1_row), 'risk'), 'qualified_tag'))
            yield '</code></td>'
            if (undefined(name='show_assessment') if l_0_show_assessment is missing else l_0_show_assessment):
                pass
                yield '<td>'
                yield escape((environment.getattr(l_1_item, 'assessment') or context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'this_site', _loop_vars=_loop_vars)))
                yield '</td>'
            yield '<td><a href="'
            yield escape(environment.getattr((undefined(name='row') if l_1_row is missing else l_1_row), 'component_href'))
            yield '">'
            yield escape(context.call((undefined(name='component_heading') if l_1_component_heading is missing else l_1_component_heading), environment.getattr(environment.getattr((undefined(name='row') if l_1_row is missing else l_1_row), 'risk'), 'component'), _loop_vars=_loop_vars))
            yield '</a></td><td data-status="'
            yield escape(environment.getattr((undefined(name='cell') if l_1_cell is missing else l_1_cell), 'text'))
            yield '">'
            template = environment.get_template('status-cell.html.j2', 'risk-query.html.j2')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'cell': l_1_cell, 'item': l_1_item, 'row': l_1_row}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            yield '</td><td>'
            yield escape(environment.getattr((undefined(name='row') if l_1_row is missing else l_1_row), 'owner'))
            yield '</td><td>'
            if environment.getattr(l_1_item, 'setter'):
                pass
                yield '<a href="'
                yield escape(environment.getattr(environment.getattr(l_1_item, 'setter'), 'href'))
                yield '">'
                yield escape(environment.getattr(environment.getattr(l_1_item, 'setter'), 'title'))
                yield '</a>'
            yield '</td></tr>\n'
        l_1_item = l_1_row = l_1_cell = l_1_component_heading = missing
        yield '</tbody>\n</table>\n</div>\n'
    else:
        pass
        yield '<p class="biml-risk-query-none">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'risk_query_none'))
        yield '</p>\n'

blocks = {}
debug_info = '4=14&8=17&11=33&12=38&13=40&14=43&20=83'