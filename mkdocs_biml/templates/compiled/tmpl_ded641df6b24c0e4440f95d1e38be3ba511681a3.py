from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'assessment-table.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_rows = resolve('rows')
    l_0_table_tools = resolve('table_tools')
    l_0_catalog = resolve('catalog')
    l_0_name = resolve('name')
    l_0_t = resolve('t')
    l_0_tracked = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_3 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    l_0_tracked = (t_1(t_2(context.eval_ctx, t_3(context, (undefined(name='rows') if l_0_rows is missing else l_0_rows), 'tracking'))) > 0)
    context.vars['tracked'] = l_0_tracked
    context.exported_vars.add('tracked')
    yield '<div class="biml-table-tools" data-biml-table="risks"'
    yield escape(context.call((undefined(name='table_tools') if l_0_table_tools is missing else l_0_table_tools)))
    yield '></div>\n<div class="biml-coverage-scroll">\n<table class="biml-assessment-table" data-biml-catalog="'
    yield escape(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'id'))
    yield '" data-biml-assessment="'
    yield escape((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '">\n<caption>'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'assessment_table_caption', catalog=environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'short_title'), assessment=(undefined(name='name') if l_0_name is missing else l_0_name)))
    yield '</caption>\n<thead>\n<tr><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_risk'))
    yield '</th><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_component'))
    yield '</th><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_status'))
    yield '</th><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_owner'))
    yield '</th><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_note'))
    yield '</th>'
    if (undefined(name='tracked') if l_0_tracked is missing else l_0_tracked):
        pass
        yield '<th scope="col">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_ticket'))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_reviewed'))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_expires'))
        yield '</th>'
    yield '<th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_pages'))
    yield '</th></tr>\n</thead>\n<tbody>\n'
    l_1_loop = missing
    for l_1_row, l_1_loop in LoopContext((undefined(name='rows') if l_0_rows is missing else l_0_rows), undefined):
        l_1_component_heading = resolve('component_heading')
        l_1_cell = l_1_tag = missing
        _loop_vars = {}
        pass
        l_1_cell = environment.getattr(l_1_row, 'cell')
        _loop_vars['cell'] = l_1_cell
        yield '<tr><td><a href="'
        yield escape(environment.getattr(l_1_row, 'href'))
        yield '">'
        yield escape(environment.getattr(environment.getattr(l_1_row, 'risk'), 'title'))
        yield '</a> '
        l_1_tag = environment.getattr(environment.getattr(l_1_row, 'risk'), 'qualified_tag')
        _loop_vars['tag'] = l_1_tag
        template = environment.get_template('tag-code.html.j2', 'assessment-table.html.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'cell': l_1_cell, 'loop': l_1_loop, 'row': l_1_row, 'tag': l_1_tag, 'tracked': l_0_tracked}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '</td><td><a href="'
        yield escape(environment.getattr(l_1_row, 'component_href'))
        yield '">'
        yield escape(context.call((undefined(name='component_heading') if l_1_component_heading is missing else l_1_component_heading), environment.getattr(environment.getattr(l_1_row, 'risk'), 'component'), _loop_vars=_loop_vars))
        yield '</a></td><td data-status="'
        yield escape(environment.getattr((undefined(name='cell') if l_1_cell is missing else l_1_cell), 'text'))
        yield '">'
        template = environment.get_template('status-cell.html.j2', 'assessment-table.html.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'cell': l_1_cell, 'loop': l_1_loop, 'row': l_1_row, 'tag': l_1_tag, 'tracked': l_0_tracked}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '</td><td>'
        yield escape(environment.getattr(l_1_row, 'owner'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_row, 'note'))
        yield '</td>'
        if (undefined(name='tracked') if l_0_tracked is missing else l_0_tracked):
            pass
            l_2_tracking = environment.getattr(l_1_row, 'tracking')
            pass
            yield '<td>'
            template = environment.get_template('tracking.html.j2', 'assessment-table.html.j2')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'tracking': l_2_tracking, 'cell': l_1_cell, 'loop': l_1_loop, 'row': l_1_row, 'tag': l_1_tag, 'tracked': l_0_tracked}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            yield '</td><td>'
            yield escape((environment.getattr(l_2_tracking, 'reviewed') or ''))
            yield '</td><td>'
            yield escape((environment.getattr(l_2_tracking, 'expires') or ''))
            yield '</td>'
            l_2_tracking = missing
        yield '<td>'
        l_2_loop = missing
        for l_2_page, l_2_loop in LoopContext(environment.getattr(l_1_row, 'pages'), undefined):
            _loop_vars = {}
            pass
            yield '<a href="'
            yield escape(environment.getattr(l_2_page, 'href'))
            yield '">'
            yield escape(environment.getattr(l_2_page, 'title'))
            yield '</a>'
            yield escape((', ' if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 16 in 'assessment-table.html.j2' evaluated to false and no else section was defined.")))
        l_2_loop = l_2_page = missing
        yield '</td></tr>\n'
    l_1_loop = l_1_row = l_1_cell = l_1_tag = l_1_component_heading = missing
    yield '</tbody>\n</table>\n</div>\n'

blocks = {}
debug_info = '5=35&6=39&8=41&9=45&11=47&14=70&15=75&16=78'