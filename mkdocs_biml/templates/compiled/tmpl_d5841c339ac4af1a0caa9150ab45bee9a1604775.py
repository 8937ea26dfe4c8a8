from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'uncited.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_risks = resolve('risks')
    l_0_catalog = resolve('catalog')
    l_0_t = resolve('t')
    pass
    if (undefined(name='risks') if l_0_risks is missing else l_0_risks):
        pass
        yield '<ul class="biml-uncited" data-biml-catalog="'
        yield escape(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'id'))
        yield '">\n'
        for l_1_item in (undefined(name='risks') if l_0_risks is missing else l_0_risks):
            l_1_component_heading = resolve('component_heading')
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield escape(environment.getattr(l_1_item, 'href'))
            yield '">'
            yield escape(environment.getattr(environment.getattr(l_1_item, 'risk'), 'title'))
            yield '</a> <code>'
            yield escape(environment.getattr(environment.getattr(l_1_item, 'risk'), 'qualified_tag'))
            yield '</code> <span class="biml-uncited-component">'
            yield escape(context.call((undefined(name='component_heading') if l_1_component_heading is missing else l_1_component_heading), environment.getattr(environment.getattr(l_1_item, 'risk'), 'component'), _loop_vars=_loop_vars))
            yield '</span></li>\n'
        l_1_item = l_1_component_heading = missing
        yield '</ul>\n'
    else:
        pass
        yield '<p class="biml-uncited-none">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'all_cited', catalog=environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'short_title')))
        yield '</p>\n'

blocks = {}
debug_info = '3=14&4=17&5=19&6=24&10=37'