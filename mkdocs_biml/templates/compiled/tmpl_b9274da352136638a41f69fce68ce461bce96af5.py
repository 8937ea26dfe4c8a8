from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'introduction.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_catalog = resolve('catalog')
    try:
        t_1 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_2 = environment.filters['text']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'text' found.")
    pass
    for l_1_paragraph in environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'introduction'):
        l_1_here = resolve('here')
        l_1_html = missing
        _loop_vars = {}
        pass
        l_1_html = t_2(context, l_1_paragraph)
        _loop_vars['html'] = l_1_html
        if environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'sources'):
            pass
            t_3 = []
            pass
            t_3.extend((
                'download <a href="',
                escape(environment.getattr(environment.getitem(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'sources'), 0), 'url')),
                '">here</a>',
            ))
            l_1_here = (Markup if context.eval_ctx.autoescape else identity)(concat(t_3))
            _loop_vars['here'] = l_1_here
            l_1_html = t_1(context.eval_ctx, (undefined(name='html') if l_1_html is missing else l_1_html), 'download here', (undefined(name='here') if l_1_here is missing else l_1_here))
            _loop_vars['html'] = l_1_html
        yield escape((undefined(name='html') if l_1_html is missing else l_1_html))
        yield '\n'
    l_1_paragraph = l_1_html = l_1_here = missing

blocks = {}
debug_info = '3=24&4=29&5=31&6=37&7=42&9=44'