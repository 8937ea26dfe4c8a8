from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'coverage.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0_statuses = resolve('statuses')
    l_0_policy_checks = resolve('policy_checks')
    l_0_assessments = resolve('assessments')
    l_0_links = resolve('links')
    l_0_catalogs = resolve('catalogs')
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
        t_3 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_4 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_5 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_6 = environment.filters['slug']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'slug' found.")
    try:
        t_7 = environment.filters['yaml']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'yaml' found.")
    pass
    yield '---\ntitle: '
    yield str(t_7(t_1(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'coverage_title'))))
    yield '\n---\n\n# '
    yield str(t_5(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'coverage_title')))
    yield '\n\n'
    yield str(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'coverage_intro', statuses=t_3(context.eval_ctx, t_4(context, (undefined(name='statuses') if l_0_statuses is missing else l_0_statuses), 'md'), ', ')))
    yield '\n\n```yaml\n---\nbiml:\n  data:2:transfer: mitigated\n---\n```\n\n'
    yield str(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'coverage_shades'))
    yield '\n\n'
    yield str(context.call((undefined(name='policy_checks') if l_0_policy_checks is missing else l_0_policy_checks)))
    yield '\n'
    if (undefined(name='assessments') if l_0_assessments is missing else l_0_assessments):
        pass
        yield '\n'
        t_8 = []
        pass
        l_2_loop = missing
        for l_2_name, l_2_loop in LoopContext(environment.getattr((undefined(name='assessments') if l_0_assessments is missing else l_0_assessments), 'names'), undefined):
            l_2_link = resolve('link')
            l_2_layout = resolve('layout')
            _loop_vars = {}
            pass
            t_8.extend((
                '[',
                str(t_5(l_2_name)),
                '](',
                str(context.call((undefined(name='link') if l_2_link is missing else l_2_link), context.call(environment.getattr((undefined(name='layout') if l_2_layout is missing else l_2_layout), 'assessment_page'), l_2_name, _loop_vars=_loop_vars), _loop_vars=_loop_vars)),
                ')',
                str((', ' if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 22 in 'coverage.md.j2' evaluated to false and no else section was defined."))),
            ))
        l_2_loop = l_2_name = l_2_link = l_2_layout = missing
        l_0_links = (Markup if context.eval_ctx.autoescape else identity)(concat(t_8))
        context.vars['links'] = l_0_links
        context.exported_vars.add('links')
        yield str(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'coverage_assessments', assessments=(undefined(name='links') if l_0_links is missing else l_0_links)))
        yield '\n'
    yield '\n'
    for l_1_catalog in (undefined(name='catalogs') if l_0_catalogs is missing else l_0_catalogs):
        l_1_coverage_matrix = resolve('coverage_matrix')
        l_1_heat_map = resolve('heat_map')
        l_1_assessment_matrix = resolve('assessment_matrix')
        l_1_uncited = resolve('uncited')
        _loop_vars = {}
        pass
        yield '## '
        yield str(t_5(environment.getattr(l_1_catalog, 'short_title')))
        yield ' '
        yield str(t_2(str_join(('coverage-', t_6(environment.getattr(l_1_catalog, 'id')), ))))
        yield '\n\n'
        yield str(context.call((undefined(name='coverage_matrix') if l_1_coverage_matrix is missing else l_1_coverage_matrix), l_1_catalog, _loop_vars=_loop_vars))
        yield '\n\n'
        if (undefined(name='assessments') if l_0_assessments is missing else l_0_assessments):
            pass
            yield '### '
            yield str(t_5(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'assessments_title', _loop_vars=_loop_vars)))
            yield ' '
            yield str(t_2(str_join(('assessments-', t_6(environment.getattr(l_1_catalog, 'id')), ))))
            yield '\n\n'
            yield str(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'coverage_heat_map', open=t_5(context.call(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'status'), 'open', _loop_vars=_loop_vars)), _loop_vars=_loop_vars))
            yield '\n\n'
            yield str(context.call((undefined(name='heat_map') if l_1_heat_map is missing else l_1_heat_map), l_1_catalog, None, _loop_vars=_loop_vars))
            yield '\n\n'
            yield str(context.call((undefined(name='assessment_matrix') if l_1_assessment_matrix is missing else l_1_assessment_matrix), l_1_catalog, _loop_vars=_loop_vars))
            yield '\n\n'
        yield '### '
        yield str(t_5(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'risks_cited_nowhere', _loop_vars=_loop_vars)))
        yield ' '
        yield str(t_2(str_join(('uncited-', t_6(environment.getattr(l_1_catalog, 'id')), ))))
        yield '\n\n'
        yield str(context.call((undefined(name='uncited') if l_1_uncited is missing else l_1_uncited), l_1_catalog, _loop_vars=_loop_vars))
        yield '\n\n'
    l_1_catalog = l_1_coverage_matrix = l_1_heat_map = l_1_assessment_matrix = l_1_uncited = missing

blocks = {}
debug_info = '3=60&6=62&8=64&17=66&19=68&20=70&22=76&23=93&26=96&27=104&29=108&31=110&32=113&34=117&36=119&38=121&41=124&43=128'