from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'assessment-matrix.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_table_tools = resolve('table_tools')
    l_0_catalog = resolve('catalog')
    l_0_t = resolve('t')
    l_0_names = resolve('names')
    l_0_rows = resolve('rows')
    l_0_counts = resolve('counts')
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<div class="biml-table-tools" data-biml-table="assessments"'
    yield escape(context.call((undefined(name='table_tools') if l_0_table_tools is missing else l_0_table_tools)))
    yield '></div>\n<div class="biml-coverage-scroll">\n<table class="biml-assessment-matrix" data-biml-catalog="'
    yield escape(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'id'))
    yield '">\n<caption>'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'assessment_matrix_caption', catalog=environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'short_title')))
    yield '</caption>\n<thead>\n<tr><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_risk'))
    yield '</th>'
    for l_1_name in (undefined(name='names') if l_0_names is missing else l_0_names):
        _loop_vars = {}
        pass
        yield '<th scope="col">'
        yield escape((context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'other_pages', _loop_vars=_loop_vars) if t_1(l_1_name) else l_1_name))
        yield '</th>'
    l_1_name = missing
    yield '</tr>\n</thead>\n<tbody>\n'
    for l_1_row in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        l_1_tag = missing
        _loop_vars = {}
        pass
        yield '<tr><th scope="row"><a href="'
        yield escape(environment.getattr(l_1_row, 'href'))
        yield '">'
        yield escape(environment.getattr(environment.getattr(l_1_row, 'risk'), 'title'))
        yield '</a> '
        l_1_tag = environment.getattr(environment.getattr(l_1_row, 'risk'), 'qualified_tag')
        _loop_vars['tag'] = l_1_tag
        template = environment.get_template('tag-code.html.j2', 'assessment-matrix.html.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'row': l_1_row, 'tag': l_1_tag}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '</th>'
        for l_2_cell in environment.getattr(l_1_row, 'cells'):
            _loop_vars = {}
            pass
            yield '<td data-status="'
            yield escape(environment.getattr(l_2_cell, 'text'))
            yield '">'
            template = environment.get_template('status-cell.html.j2', 'assessment-matrix.html.j2')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'cell': l_2_cell, 'row': l_1_row, 'tag': l_1_tag}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            yield '</td>'
        l_2_cell = missing
        yield '</tr>\n'
    l_1_row = l_1_tag = missing
    yield '</tbody>\n</table>\n</div>\n<div class="biml-coverage-scroll">\n<table class="biml-assessment-counts" data-biml-catalog="'
    yield escape(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'id'))
    yield '">\n<caption>'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'assessment_counts_caption', catalog=environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'short_title')))
    yield '</caption>\n<thead>\n<tr><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_status'))
    yield '</th>'
    for l_1_name in (undefined(name='names') if l_0_names is missing else l_0_names):
        _loop_vars = {}
        pass
        yield '<th scope="col">'
        yield escape((context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'other_pages', _loop_vars=_loop_vars) if t_1(l_1_name) else l_1_name))
        yield '</th>'
    l_1_name = missing
    yield '</tr>\n</thead>\n<tbody>\n'
    for l_1_count in (undefined(name='counts') if l_0_counts is missing else l_0_counts):
        _loop_vars = {}
        pass
        yield '<tr><th scope="row">'
        yield escape(context.call(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'status_heading'), environment.getattr(l_1_count, 'label'), _loop_vars=_loop_vars))
        yield '</th>'
        for l_2_n in environment.getattr(l_1_count, 'counts'):
            _loop_vars = {}
            pass
            yield '<td data-status="'
            yield escape(environment.getattr(l_1_count, 'label'))
            yield '">'
            yield escape(l_2_n)
            yield '</td>'
        l_2_n = missing
        yield '</tr>\n'
    l_1_count = missing
    yield '</tbody>\n</table>\n</div>\n'

blocks = {}
debug_info = '3=24&5=26&6=28&8=30&11=40&12=45&18=75&19=77&21=79&24=89&25=93'