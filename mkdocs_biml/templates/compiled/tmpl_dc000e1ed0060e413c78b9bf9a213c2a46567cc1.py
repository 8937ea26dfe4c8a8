from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'tag-code.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_tag = resolve('tag')
    pass
    yield '<code class="biml-tag">'
    l_1_loop = missing
    for l_1_part, l_1_loop in LoopContext(context.call(environment.getattr((undefined(name='tag') if l_0_tag is missing else l_0_tag), 'split'), ':'), undefined):
        _loop_vars = {}
        pass
        yield '<span>'
        yield escape(l_1_part)
        yield '</span>'
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield ':<wbr>'
    l_1_loop = l_1_part = missing
    yield '</code>\n'

blocks = {}
debug_info = '3=14'