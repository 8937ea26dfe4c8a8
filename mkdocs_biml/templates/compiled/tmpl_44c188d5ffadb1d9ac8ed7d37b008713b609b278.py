from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'references.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0_catalog = resolve('catalog')
    l_0_sentence = resolve('sentence')
    l_0_layout = resolve('layout')
    l_0_html = resolve('html')
    try:
        t_1 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    try:
        t_2 = environment.filters['heading_id']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'heading_id' found.")
    try:
        t_3 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_4 = environment.filters['yaml']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'yaml' found.")
    pass
    yield '---\ntitle: '
    yield str(t_4(t_1(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'references_title', catalog=environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'short_title')))))
    yield '\n---\n\n# '
    yield str(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'references_heading', catalog=t_3(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'short_title'))))
    yield ' {#references}\n\n'
    yield str(context.call((undefined(name='sentence') if l_0_sentence is missing else l_0_sentence), 'references_intro', catalog=environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'short_title'), url=context.call(environment.getattr((undefined(name='layout') if l_0_layout is missing else l_0_layout), 'overview'), (undefined(name='catalog') if l_0_catalog is missing else l_0_catalog))))
    yield '\n\n'
    yield str(context.call((undefined(name='html') if l_0_html is missing else l_0_html), 'reference-list.html.j2'))
    yield '\n\n'
    yield str(context.call((undefined(name='html') if l_0_html is missing else l_0_html), 'attribution.html.j2'))
    yield '\n'

blocks = {}
debug_info = '3=41&6=43&8=45&10=47&12=49'