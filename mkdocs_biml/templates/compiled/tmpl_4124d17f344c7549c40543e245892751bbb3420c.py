from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'tracking-title.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_tracking = resolve('tracking')
    l_0_t = resolve('t')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    pass
    yield escape(t_1(context.eval_ctx, t_2(context, [(markup_join((context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_ticket'), ': ', environment.getattr((undefined(name='tracking') if l_0_tracking is missing else l_0_tracking), 'ticket'), )) if environment.getattr((undefined(name='tracking') if l_0_tracking is missing else l_0_tracking), 'ticket') else ''), (context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'tracking_reviewed', date=environment.getattr((undefined(name='tracking') if l_0_tracking is missing else l_0_tracking), 'reviewed')) if environment.getattr((undefined(name='tracking') if l_0_tracking is missing else l_0_tracking), 'reviewed') else ''), (context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'tracking_expires', date=environment.getattr((undefined(name='tracking') if l_0_tracking is missing else l_0_tracking), 'expires')) if environment.getattr((undefined(name='tracking') if l_0_tracking is missing else l_0_tracking), 'expires') else '')]), ' · '))

blocks = {}
debug_info = '6=25'