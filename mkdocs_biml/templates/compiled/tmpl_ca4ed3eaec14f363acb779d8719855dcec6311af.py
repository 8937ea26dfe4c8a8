from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'risk.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_risk = resolve('risk')
    l_0_html = resolve('html')
    try:
        t_1 = environment.filters['heading_id']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'heading_id' found.")
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '## '
    yield str(t_2(environment.getattr((undefined(name='risk') if l_0_risk is missing else l_0_risk), 'title')))
    yield ' '
    yield str(t_1(environment.getattr((undefined(name='risk') if l_0_risk is missing else l_0_risk), 'anchor')))
    yield '\n\n'
    yield str(context.call((undefined(name='html') if l_0_html is missing else l_0_html), 'risk.html.j2'))
    yield '\n\n'

blocks = {}
debug_info = '3=26&5=30'