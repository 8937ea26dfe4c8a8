from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'tracking-dates.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_tracking = resolve('tracking')
    l_0_t = resolve('t')
    pass
    if environment.getattr((undefined(name='tracking') if l_0_tracking is missing else l_0_tracking), 'ticket'):
        pass
        yield ' '
        template = environment.get_template('tracking.html.j2', 'tracking-dates.html.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    if environment.getattr((undefined(name='tracking') if l_0_tracking is missing else l_0_tracking), 'reviewed'):
        pass
        yield ' <span class="biml-reviewed">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'tracking_reviewed', date=environment.getattr((undefined(name='tracking') if l_0_tracking is missing else l_0_tracking), 'reviewed')))
        yield '</span>'
    if environment.getattr((undefined(name='tracking') if l_0_tracking is missing else l_0_tracking), 'expires'):
        pass
        yield ' <span class="biml-expires">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'tracking_expires', date=environment.getattr((undefined(name='tracking') if l_0_tracking is missing else l_0_tracking), 'expires')))
        yield '</span>'

blocks = {}
debug_info = '2=13&3=22&4=27'