from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'attribution.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_component = resolve('component')
    l_0_catalog = resolve('catalog')
    l_0_t = resolve('t')
    l_0_own = l_0_quotes_base = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_4 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_5 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_6 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    l_0_own = (t_3(context.eval_ctx, t_5(context, environment.getattr((undefined(name='component') if l_0_component is missing else l_0_component), 'risks'), 'added_by_overlay')) if t_6((undefined(name='component') if l_0_component is missing else l_0_component)) else [])
    context.vars['own'] = l_0_own
    context.exported_vars.add('own')
    l_0_quotes_base = ((not t_6((undefined(name='component') if l_0_component is missing else l_0_component))) or context.call(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'quotes_base'), (undefined(name='component') if l_0_component is missing else l_0_component)))
    context.vars['quotes_base'] = l_0_quotes_base
    context.exported_vars.add('quotes_base')
    if (undefined(name='quotes_base') if l_0_quotes_base is missing else l_0_quotes_base):
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
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), ('sources_other' if (t_2(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'sources')) > 1) else 'sources_one')))
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
    if ((undefined(name='own') if l_0_own is missing else l_0_own) or (not (undefined(name='quotes_base') if l_0_quotes_base is missing else l_0_quotes_base))):
        pass
        yield '<p class="biml-attribution biml-attribution-own">'
        if (undefined(name='quotes_base') if l_0_quotes_base is missing else l_0_quotes_base):
            pass
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'own_entries_among', risks=markup_join(('[', t_1(context.eval_ctx, t_4(context, (undefined(name='own') if l_0_own is missing else l_0_own), attribute='qualified_tag'), '], ['), ']', )), catalog=environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'short_title')))
        else:
            pass
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'own_entries', catalog=environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'short_title')))
        if environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'overlay_attribution'):
            pass
            yield ' '
            yield escape(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'overlay_attribution'))
        yield '</p>\n'
    elif (environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'overlay_attribution') and (not t_6((undefined(name='component') if l_0_component is missing else l_0_component)))):
        pass
        yield '<p class="biml-attribution biml-attribution-own">'
        yield escape(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'overlay_attribution'))
        yield '</p>\n'

blocks = {}
debug_info = '4=51&5=54&6=57&7=60&9=85&10=88&11=99&12=102'