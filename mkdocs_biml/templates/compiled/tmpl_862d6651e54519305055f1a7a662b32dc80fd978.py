from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'controls.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_controls = resolve('controls')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['paragraphs']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'paragraphs' found.")
    pass
    yield '<ul>\n'
    for l_1_control in (undefined(name='controls') if l_0_controls is missing else l_0_controls):
        l_1_paragraphs = missing
        _loop_vars = {}
        pass
        l_1_paragraphs = t_2(context, environment.getattr(l_1_control, 'text'))
        _loop_vars['paragraphs'] = l_1_paragraphs
        if (t_1((undefined(name='paragraphs') if l_1_paragraphs is missing else l_1_paragraphs)) == 1):
            pass
            yield '<li><code>'
            yield escape(environment.getattr(l_1_control, 'label'))
            yield '</code>: '
            yield escape(environment.getitem((undefined(name='paragraphs') if l_1_paragraphs is missing else l_1_paragraphs), 0))
            yield '</li>\n'
        else:
            pass
            yield '<li>\n<p><code>'
            yield escape(environment.getattr(l_1_control, 'label'))
            yield '</code>: '
            yield escape(environment.getitem((undefined(name='paragraphs') if l_1_paragraphs is missing else l_1_paragraphs), 0))
            yield '</p>\n'
            for l_2_paragraph in (undefined(name='paragraphs') if l_1_paragraphs is missing else l_1_paragraphs)[1:]:
                _loop_vars = {}
                pass
                yield '<p>'
                yield escape(l_2_paragraph)
                yield '</p>\n'
            l_2_paragraph = missing
            yield '</li>\n'
    l_1_control = l_1_paragraphs = missing
    yield '</ul>\n'

blocks = {}
debug_info = '3=25&4=29&5=31&6=34&9=41&10=45&11=49'