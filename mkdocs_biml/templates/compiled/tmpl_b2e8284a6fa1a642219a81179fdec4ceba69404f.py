from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'diagram.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_diagram = resolve('diagram')
    l_0_t = resolve('t')
    l_0_key = missing
    try:
        t_1 = environment.filters['slug']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'slug' found.")
    pass
    l_0_key = t_1(environment.getattr(environment.getattr((undefined(name='diagram') if l_0_diagram is missing else l_0_diagram), 'catalog'), 'id'))
    context.vars['key'] = l_0_key
    context.exported_vars.add('key')
    yield '<figure class="biml-diagram" data-biml-catalog="'
    yield escape(environment.getattr(environment.getattr((undefined(name='diagram') if l_0_diagram is missing else l_0_diagram), 'catalog'), 'id'))
    yield '" data-search-exclude="true">\n<div class="biml-diagram-scroll">\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="biml-diagram-svg" viewBox="'
    yield escape(environment.getattr((undefined(name='diagram') if l_0_diagram is missing else l_0_diagram), 'view_box'))
    yield '" width="'
    yield escape(environment.getattr((undefined(name='diagram') if l_0_diagram is missing else l_0_diagram), 'width'))
    yield '" height="'
    yield escape(environment.getattr((undefined(name='diagram') if l_0_diagram is missing else l_0_diagram), 'height'))
    yield '" role="group" aria-labelledby="biml-diagram-title-'
    yield escape((undefined(name='key') if l_0_key is missing else l_0_key))
    yield '">\n<title id="biml-diagram-title-'
    yield escape((undefined(name='key') if l_0_key is missing else l_0_key))
    yield '">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'diagram_title', catalog=environment.getattr(environment.getattr((undefined(name='diagram') if l_0_diagram is missing else l_0_diagram), 'catalog'), 'short_title')))
    yield '</title>\n<defs>\n<marker id="biml-arrowhead-'
    yield escape((undefined(name='key') if l_0_key is missing else l_0_key))
    yield '" class="biml-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker>\n</defs>\n<g class="biml-flows">\n'
    for l_1_arrow in environment.getattr((undefined(name='diagram') if l_0_diagram is missing else l_0_diagram), 'arrows'):
        _loop_vars = {}
        pass
        yield '<path class="biml-flow'
        yield escape((' biml-flow-curved' if environment.getattr(l_1_arrow, 'curved') else cond_expr_undefined("the inline if-expression on line 20 in 'diagram.html.j2' evaluated to false and no else section was defined.")))
        yield '" d="'
        yield escape(environment.getattr(l_1_arrow, 'path'))
        yield '" fill="none" stroke="currentColor" marker-end="url(#biml-arrowhead-'
        yield escape((undefined(name='key') if l_0_key is missing else l_0_key))
        yield ')" data-from="'
        yield escape(environment.getattr(environment.getattr(l_1_arrow, 'source'), 'label'))
        yield '" data-to="'
        yield escape(environment.getattr(environment.getattr(l_1_arrow, 'target'), 'label'))
        yield '"><title>'
        yield escape(environment.getattr(environment.getattr(l_1_arrow, 'source'), 'name'))
        yield ' → '
        yield escape(environment.getattr(environment.getattr(l_1_arrow, 'target'), 'name'))
        yield '</title></path>\n'
    l_1_arrow = missing
    yield '</g>\n<g class="biml-nodes">\n'
    l_1_loop = missing
    for l_1_node, l_1_loop in LoopContext(environment.getattr((undefined(name='diagram') if l_0_diagram is missing else l_0_diagram), 'linked_nodes'), undefined):
        l_1_component_heading = resolve('component_heading')
        l_1_source_href = resolve('source_href')
        l_1_layout = resolve('layout')
        l_1_count = l_1_label = missing
        _loop_vars = {}
        pass
        l_1_count = context.call(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'risk_count'), environment.getattr(l_1_node, 'risk_count'), _loop_vars=_loop_vars)
        _loop_vars['count'] = l_1_count
        l_1_label = markup_join((context.call((undefined(name='component_heading') if l_1_component_heading is missing else l_1_component_heading), environment.getattr(l_1_node, 'component'), _loop_vars=_loop_vars), ': ', (undefined(name='count') if l_1_count is missing else l_1_count), ))
        _loop_vars['label'] = l_1_label
        yield '<a class="biml-node biml-node-'
        yield escape(environment.getattr(environment.getattr(l_1_node, 'component'), 'kind'))
        yield '" role="link" xlink:href="'
        yield escape(context.call((undefined(name='source_href') if l_1_source_href is missing else l_1_source_href), context.call(environment.getattr((undefined(name='layout') if l_1_layout is missing else l_1_layout), 'component_page'), environment.getattr(l_1_node, 'component'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        yield '" aria-label="'
        yield escape((undefined(name='label') if l_1_label is missing else l_1_label))
        yield '" data-biml-component="'
        yield escape(environment.getattr(environment.getattr(l_1_node, 'component'), 'label'))
        yield '">\n<title>'
        yield escape((undefined(name='label') if l_1_label is missing else l_1_label))
        yield '</title>\n'
        if (environment.getattr(l_1_node, 'shape') == 'ellipse'):
            pass
            yield '<ellipse class="biml-node-shape" cx="'
            yield escape(environment.getattr(environment.getattr(l_1_node, 'center'), 'x'))
            yield '" cy="'
            yield escape(environment.getattr(environment.getattr(l_1_node, 'center'), 'y'))
            yield '" rx="'
            yield escape(environment.getattr(l_1_node, 'rx'))
            yield '" ry="'
            yield escape(environment.getattr(l_1_node, 'ry'))
            yield '" fill="#ffffff" stroke="#000000"/>\n'
        else:
            pass
            yield '<rect class="biml-node-shape" x="'
            yield escape(environment.getattr(l_1_node, 'x'))
            yield '" y="'
            yield escape(environment.getattr(l_1_node, 'y'))
            yield '" width="'
            yield escape(environment.getattr(l_1_node, 'width'))
            yield '" height="'
            yield escape(environment.getattr(l_1_node, 'height'))
            yield '" rx="'
            yield escape((10 if environment.getattr(environment.getattr(l_1_node, 'component'), 'is_system') else 3))
            yield '" fill="#ffffff" stroke="#000000"/>\n'
        l_2_loop = missing
        for (l_2_line, l_2_y), l_2_loop in LoopContext(context.call(environment.getattr(l_1_node, 'line_positions'), (undefined(name='count') if l_1_count is missing else l_1_count), _loop_vars=_loop_vars), undefined):
            _loop_vars = {}
            pass
            yield '<text class="'
            yield escape(('biml-node-count' if environment.getattr(l_2_loop, 'last') else 'biml-node-label'))
            yield '" x="'
            yield escape(environment.getattr(environment.getattr(l_1_node, 'center'), 'x'))
            yield '" y="'
            yield escape(l_2_y)
            yield '" text-anchor="middle" fill="#000000">'
            yield escape(l_2_line)
            yield '</text>\n'
        l_2_loop = l_2_line = l_2_y = missing
        yield '</a>\n'
    l_1_loop = l_1_node = l_1_count = l_1_component_heading = l_1_label = l_1_source_href = l_1_layout = missing
    yield '</g>\n</svg>\n</div>\n'
    for l_1_node in environment.getattr((undefined(name='diagram') if l_0_diagram is missing else l_0_diagram), 'linked_nodes'):
        l_1_component_heading = resolve('component_heading')
        l_1_source_href = resolve('source_href')
        l_1_layout = resolve('layout')
        l_1_component = l_1_heading = l_1_label_key = l_1_panel = l_1_panel_title = missing
        _loop_vars = {}
        pass
        l_1_component = environment.getattr(l_1_node, 'component')
        _loop_vars['component'] = l_1_component
        l_1_heading = context.call((undefined(name='component_heading') if l_1_component_heading is missing else l_1_component_heading), (undefined(name='component') if l_1_component is missing else l_1_component), _loop_vars=_loop_vars)
        _loop_vars['heading'] = l_1_heading
        l_1_label_key = markup_join(((undefined(name='key') if l_0_key is missing else l_0_key), '-', t_1(environment.getattr((undefined(name='component') if l_1_component is missing else l_1_component), 'label')), ))
        _loop_vars['label_key'] = l_1_label_key
        l_1_panel = markup_join(('biml-risks-', (undefined(name='label_key') if l_1_label_key is missing else l_1_label_key), ))
        _loop_vars['panel'] = l_1_panel
        l_1_panel_title = markup_join(('biml-panel-title-', (undefined(name='label_key') if l_1_label_key is missing else l_1_label_key), ))
        _loop_vars['panel_title'] = l_1_panel_title
        yield '<section class="biml-diagram-panel" id="'
        yield escape((undefined(name='panel') if l_1_panel is missing else l_1_panel))
        yield '" data-biml-risks-of="'
        yield escape(environment.getattr((undefined(name='component') if l_1_component is missing else l_1_component), 'label'))
        yield '" aria-labelledby="'
        yield escape((undefined(name='panel_title') if l_1_panel_title is missing else l_1_panel_title))
        yield '" tabindex="-1" hidden>\n<p class="biml-diagram-panel-title" id="'
        yield escape((undefined(name='panel_title') if l_1_panel_title is missing else l_1_panel_title))
        yield '">'
        yield escape((undefined(name='heading') if l_1_heading is missing else l_1_heading))
        yield ': '
        yield escape(context.call(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'risk_count'), environment.getattr(l_1_node, 'risk_count'), _loop_vars=_loop_vars))
        yield '</p>\n<ul class="biml-diagram-panel-risks">\n'
        for l_2_risk in environment.getattr((undefined(name='component') if l_1_component is missing else l_1_component), 'risks'):
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield escape(context.call((undefined(name='source_href') if l_1_source_href is missing else l_1_source_href), context.call(environment.getattr((undefined(name='layout') if l_1_layout is missing else l_1_layout), 'risk_target'), l_2_risk, _loop_vars=_loop_vars), _loop_vars=_loop_vars))
            yield '">'
            yield escape(environment.getattr(l_2_risk, 'title'))
            yield '</a> <code>'
            yield escape(environment.getattr(l_2_risk, 'tag'))
            yield '</code></li>\n'
        l_2_risk = missing
        yield '</ul>\n<p class="biml-diagram-panel-more"><a href="'
        yield escape(context.call((undefined(name='source_href') if l_1_source_href is missing else l_1_source_href), context.call(environment.getattr((undefined(name='layout') if l_1_layout is missing else l_1_layout), 'component_page'), (undefined(name='component') if l_1_component is missing else l_1_component), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        yield '">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'panel_more', component=(undefined(name='heading') if l_1_heading is missing else l_1_heading), _loop_vars=_loop_vars))
        yield '</a></p>\n<button type="button" class="biml-diagram-panel-close">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'panel_close', _loop_vars=_loop_vars))
        yield '</button>\n</section>\n'
    l_1_node = l_1_component = l_1_component_heading = l_1_heading = l_1_label_key = l_1_panel = l_1_panel_title = l_1_source_href = l_1_layout = missing
    yield '</figure>\n'

blocks = {}
debug_info = '10=20&11=24&13=26&14=34&16=38&19=40&20=44&24=61&25=68&26=70&27=73&28=81&29=83&30=86&32=97&34=108&35=112&42=124&43=131&44=133&45=135&46=137&47=139&48=142&49=148&51=154&52=158&55=166&56=170'