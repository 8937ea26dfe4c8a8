from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'backlinks.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_risk = resolve('risk')
    l_0_t = resolve('t')
    l_0_backlinks = resolve('backlinks')
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
    yield '<div class="biml-backlinks" data-biml-tag="'
    yield escape(environment.getattr((undefined(name='risk') if l_0_risk is missing else l_0_risk), 'qualified_tag'))
    yield '">\n<p class="biml-backlinks-title">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'addressed_in'))
    yield '</p>\n'
    if (undefined(name='backlinks') if l_0_backlinks is missing else l_0_backlinks):
        pass
        yield '<ul>\n'
        for l_1_link in (undefined(name='backlinks') if l_0_backlinks is missing else l_0_backlinks):
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield escape(environment.getattr(l_1_link, 'href'))
            yield '">'
            yield escape(environment.getattr(l_1_link, 'title'))
            yield '</a>'
            if environment.getattr(l_1_link, 'assessment'):
                pass
                yield ' <span class="biml-backlink-assessment">('
                yield escape(environment.getattr(l_1_link, 'assessment'))
                yield ')</span>'
            if environment.getattr(l_1_link, 'status'):
                pass
                yield ' <span class="biml-status biml-status-'
                yield escape(t_1(environment.getattr(l_1_link, 'status')))
                yield '">'
                yield escape(t_2(environment.getattr(l_1_link, 'status')))
                yield '</span>'
            if environment.getattr(l_1_link, 'tracking'):
                pass
                l_2_tracking = environment.getattr(l_1_link, 'tracking')
                pass
                template = environment.get_template('tracking-dates.html.j2', 'backlinks.html.j2')
                gen = template.root_render_func(template.new_context(context.get_all(), True, {'tracking': l_2_tracking, 'link': l_1_link}))
                try:
                    for event in gen:
                        yield event
                finally: gen.close()
                l_2_tracking = missing
            yield '</li>\n'
        l_1_link = missing
        yield '</ul>\n'
    else:
        pass
        yield '<p class="biml-backlinks-none">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'not_cited_yet'))
        yield '</p>\n'
    yield '</div>\n'

blocks = {}
debug_info = '3=27&4=29&5=31&7=34&8=38&12=71'