from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'attribution.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_catalog = resolve('catalog')
    l_0_t = resolve('t')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<p class="biml-attribution">'
    yield escape(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'attribution'))
    yield ' '
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'licence'))
    yield ': <a href="'
    yield escape(environment.getattr(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'license'), 'url'))
    yield '" rel="license">'
    yield escape(environment.getattr(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'license'), 'name'))
    yield '</a>.'
    if environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'sources'):
        pass
        yield ' '
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), ('sources_other' if (t_1(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'sources')) > 1) else 'sources_one')))
        yield ': '
        l_1_loop = missing
        for l_1_source, l_1_loop in LoopContext(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'sources'), undefined):
            _loop_vars = {}
            pass
            yield '<a href="'
            yield escape(environment.getattr(l_1_source, 'url'))
            yield '">'
            yield escape(environment.getattr(l_1_source, 'title'))
            yield '</a>'
            yield escape(('; ' if (not environment.getattr(l_1_loop, 'last')) else '.'))
        l_1_loop = l_1_source = missing
    yield '</p>\n'

blocks = {}
debug_info = '2=20'