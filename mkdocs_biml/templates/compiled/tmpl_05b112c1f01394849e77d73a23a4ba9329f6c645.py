from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'status-cell.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_cell = resolve('cell')
    try:
        t_1 = environment.filters['slug']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'slug' found.")
    try:
        t_2 = environment.filters['status']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'status' found.")
    pass
    if environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'href'):
        pass
        yield '<a href="'
        yield escape(environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'href'))
        yield '"'
        if environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'tracking'):
            pass
            l_1_tracking = environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'tracking')
            pass
            yield ' title="'
            template = environment.get_template('tracking-title.html.j2', 'status-cell.html.j2')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'tracking': l_1_tracking}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            yield '"'
            l_1_tracking = missing
        yield '><span class="biml-status biml-status-'
        yield escape(t_1(environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'text')))
        yield '">'
        yield escape(t_2(environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'text')))
        yield '</span></a>'
    else:
        pass
        yield '<span class="biml-status-none">'
        yield escape(t_2(environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'text')))
        yield '</span>'

blocks = {}
debug_info = '3=24'