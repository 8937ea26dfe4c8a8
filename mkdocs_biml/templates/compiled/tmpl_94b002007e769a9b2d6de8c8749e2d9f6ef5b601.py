from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'tracking.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_tracking = resolve('tracking')
    pass
    if environment.getattr((undefined(name='tracking') if l_0_tracking is missing else l_0_tracking), 'ticket_url'):
        pass
        yield '<a class="biml-ticket" href="'
        yield escape(environment.getattr((undefined(name='tracking') if l_0_tracking is missing else l_0_tracking), 'ticket_url'))
        yield '" rel="external">'
        yield escape(environment.getattr((undefined(name='tracking') if l_0_tracking is missing else l_0_tracking), 'ticket'))
        yield '</a>'
    elif environment.getattr((undefined(name='tracking') if l_0_tracking is missing else l_0_tracking), 'ticket'):
        pass
        yield '<span class="biml-ticket">'
        yield escape(environment.getattr((undefined(name='tracking') if l_0_tracking is missing else l_0_tracking), 'ticket'))
        yield '</span>'

blocks = {}
debug_info = '2=12'