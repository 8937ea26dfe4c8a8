from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'policy.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0_report = resolve('report')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<div class="biml-policy">\n<p class="biml-policy-title">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'policy_title'))
    yield '</p>\n<table class="biml-policy-checks">\n<caption>'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'policy_caption', date=environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'today')))
    yield '</caption>\n<thead>\n<tr><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_check'))
    yield '</th><th scope="col">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'column_result'))
    yield '</th></tr>\n</thead>\n<tbody>\n'
    for l_1_result in environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'results'):
        _loop_vars = {}
        pass
        yield '<tr data-biml-check="'
        yield escape(environment.getattr(l_1_result, 'name'))
        yield '" data-biml-result="'
        yield escape(('pass' if environment.getattr(l_1_result, 'passed') else 'fail'))
        yield '"><td><code>'
        yield escape(environment.getattr(l_1_result, 'name'))
        yield '</code></td><td>'
        if environment.getattr(l_1_result, 'passed'):
            pass
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'policy_passes', _loop_vars=_loop_vars))
        else:
            pass
            yield '<details><summary>'
            yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'policy_fails', count=t_1(environment.getattr(l_1_result, 'violations')), _loop_vars=_loop_vars))
            yield '</summary><ul>'
            for l_2_problem in environment.getattr(l_1_result, 'violations'):
                l_2_page = missing
                _loop_vars = {}
                pass
                l_2_page = context.call(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'page_of'), l_2_problem, _loop_vars=_loop_vars)
                _loop_vars['page'] = l_2_page
                yield '<li>'
                if (undefined(name='page') if l_2_page is missing else l_2_page):
                    pass
                    yield '<code>'
                    yield escape((undefined(name='page') if l_2_page is missing else l_2_page))
                    yield escape((markup_join((':', environment.getattr(l_2_problem, 'line'), )) if environment.getattr(l_2_problem, 'line') else cond_expr_undefined("the inline if-expression on line 13 in 'policy.html.j2' evaluated to false and no else section was defined.")))
                    yield '</code>: '
                yield escape(environment.getattr(l_2_problem, 'message'))
                yield '</li>'
            l_2_problem = l_2_page = missing
            yield '</ul></details>'
        yield '</td></tr>\n'
    l_1_result = missing
    yield '</tbody>\n</table>\n</div>\n'

blocks = {}
debug_info = '5=20&7=22&9=24&12=28&13=32'