from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'coverage-matrix.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_catalog = resolve('catalog')
    l_0_t = resolve('t')
    l_0_rows = resolve('rows')
    pass
    yield '<div class="biml-coverage-scroll">\n<table class="biml-coverage" data-biml-catalog="'
    yield escape(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'id'))
    yield '">\n<caption>'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'coverage_caption', catalog=environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'short_title')))
    yield '</caption>\n<thead>\n<tr><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_component'))
    yield '</th><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_risks'))
    yield '</th>'
    for l_1_cell in environment.getattr(environment.getitem((undefined(name='rows') if l_0_rows is missing else l_0_rows), 0), 'cells'):
        _loop_vars = {}
        pass
        yield '<th scope="col">'
        yield escape(context.call(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'status_heading'), environment.getattr(l_1_cell, 'label'), _loop_vars=_loop_vars))
        yield '</th>'
    l_1_cell = missing
    yield '<th scope="col">'
    yield escape(context.call(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'status_heading'), 'not cited'))
    yield '</th></tr>\n</thead>\n<tbody>\n'
    def t_1(fiter):
        for l_1_row in fiter:
            if environment.getattr(l_1_row, 'component'):
                yield l_1_row
    for l_1_row in t_1((undefined(name='rows') if l_0_rows is missing else l_0_rows)):
        _loop_vars = {}
        pass
        yield '<tr><th scope="row"><a href="'
        yield escape(environment.getattr(l_1_row, 'href'))
        yield '">'
        yield escape(environment.getattr(l_1_row, 'name'))
        yield '</a></th><td>'
        yield escape(environment.getattr(l_1_row, 'total'))
        yield '</td>'
        for l_2_cell in environment.getattr(l_1_row, 'cells'):
            _loop_vars = {}
            pass
            yield '<td class="biml-heat biml-heat-'
            yield escape(environment.getattr(l_2_cell, 'level'))
            yield '" data-status="'
            yield escape(environment.getattr(l_2_cell, 'label'))
            yield '">'
            yield escape(environment.getattr(l_2_cell, 'count'))
            yield '</td>'
        l_2_cell = missing
        yield '<td data-status="not cited">'
        yield escape(environment.getattr(l_1_row, 'uncited'))
        yield '</td></tr>\n'
    l_1_row = missing
    yield '</tbody>\n<tfoot>\n'
    def t_2(fiter):
        for l_1_row in fiter:
            if (not environment.getattr(l_1_row, 'component')):
                yield l_1_row
    for l_1_row in t_2((undefined(name='rows') if l_0_rows is missing else l_0_rows)):
        _loop_vars = {}
        pass
        yield '<tr><th scope="row">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'all_components', _loop_vars=_loop_vars))
        yield '</th><td>'
        yield escape(environment.getattr(l_1_row, 'total'))
        yield '</td>'
        for l_2_cell in environment.getattr(l_1_row, 'cells'):
            _loop_vars = {}
            pass
            yield '<td class="biml-heat biml-heat-'
            yield escape(environment.getattr(l_2_cell, 'level'))
            yield '" data-status="'
            yield escape(environment.getattr(l_2_cell, 'label'))
            yield '">'
            yield escape(environment.getattr(l_2_cell, 'count'))
            yield '</td>'
        l_2_cell = missing
        yield '<td data-status="not cited">'
        yield escape(environment.getattr(l_1_row, 'uncited'))
        yield '</td></tr>\n'
    l_1_row = missing
    yield '</tfoot>\n</table>\n</div>\n'

blocks = {}
debug_info = '4=15&5=17&7=19&10=33&11=41&15=63&16=71'