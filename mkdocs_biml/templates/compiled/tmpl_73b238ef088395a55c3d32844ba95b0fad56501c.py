from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'reference-list.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_catalog = resolve('catalog')
    pass
    for l_1_reference in environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'references'):
        _loop_vars = {}
        pass
        yield '<p class="biml-reference" id="'
        yield escape(environment.getattr(l_1_reference, 'anchor'))
        yield '"><span class="biml-reference-number">'
        yield escape(environment.getattr(l_1_reference, 'number'))
        yield '.</span> '
        if environment.getattr(l_1_reference, 'authors'):
            pass
            yield escape(environment.getattr(l_1_reference, 'authors'))
            yield '. '
        if environment.getattr(l_1_reference, 'url'):
            pass
            yield '<a href="'
            yield escape(environment.getattr(l_1_reference, 'url'))
            yield '">'
            yield escape(environment.getattr(l_1_reference, 'title'))
            yield '</a>'
        else:
            pass
            yield '<cite>'
            yield escape(environment.getattr(l_1_reference, 'title'))
            yield '</cite>'
        yield '.'
        if environment.getattr(l_1_reference, 'venue'):
            pass
            yield ' '
            yield escape(environment.getattr(l_1_reference, 'venue'))
            if environment.getattr(l_1_reference, 'year'):
                pass
                yield ', '
                yield escape(environment.getattr(l_1_reference, 'year'))
            yield '.'
        elif environment.getattr(l_1_reference, 'year'):
            pass
            yield ' '
            yield escape(environment.getattr(l_1_reference, 'year'))
            yield '.'
        yield '</p>\n'
    l_1_reference = missing

blocks = {}
debug_info = '2=12&3=16'