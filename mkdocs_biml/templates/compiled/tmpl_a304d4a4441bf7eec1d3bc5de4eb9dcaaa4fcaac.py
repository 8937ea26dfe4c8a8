from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'heat-map.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_diagram = resolve('diagram')
    l_0_name = resolve('name')
    l_0_t = resolve('t')
    l_0_nodes = resolve('nodes')
    l_0_key = missing
    try:
        t_1 = environment.filters['slug']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'slug' found.")
    pass
    l_0_key = markup_join((t_1(environment.getattr(environment.getattr((undefined(name='diagram') if l_0_diagram is missing else l_0_diagram), 'catalog'), 'id')), '-', (t_1((undefined(name='name') if l_0_name is missing else l_0_name)) if (undefined(name='name') if l_0_name is missing else l_0_name) else 'site'), ))
    context.vars['key'] = l_0_key
    context.exported_vars.add('key')
    yield '<figure class="biml-diagram biml-heat-map" data-biml-catalog="'
    yield escape(environment.getattr(environment.getattr((undefined(name='diagram') if l_0_diagram is missing else l_0_diagram), 'catalog'), 'id'))
    yield '"'
    if (undefined(name='name') if l_0_name is missing else l_0_name):
        pass
        yield ' data-biml-assessment="'
        yield escape((undefined(name='name') if l_0_name is missing else l_0_name))
        yield '"'
    yield '>\n<div class="biml-diagram-scroll">\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="biml-diagram-svg" viewBox="'
    yield escape(environment.getattr((undefined(name='diagram') if l_0_diagram is missing else l_0_diagram), 'view_box'))
    yield '" width="'
    yield escape(environment.getattr((undefined(name='diagram') if l_0_diagram is missing else l_0_diagram), 'width'))
    yield '" height="'
    yield escape(environment.getattr((undefined(name='diagram') if l_0_diagram is missing else l_0_diagram), 'height'))
    yield '" role="group" aria-labelledby="biml-heat-map-title-'
    yield escape((undefined(name='key') if l_0_key is missing else l_0_key))
    yield '">\n<title id="biml-heat-map-title-'
    yield escape((undefined(name='key') if l_0_key is missing else l_0_key))
    yield '">'
    yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'heat_map_title', catalog=environment.getattr(environment.getattr((undefined(name='diagram') if l_0_diagram is missing else l_0_diagram), 'catalog'), 'short_title'), assessment=((undefined(name='name') if l_0_name is missing else l_0_name) or context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'this_site'))))
    yield '</title>\n<defs>\n<marker id="biml-heat-arrowhead-'
    yield escape((undefined(name='key') if l_0_key is missing else l_0_key))
    yield '" class="biml-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker>\n</defs>\n<g class="biml-flows">\n'
    for l_1_arrow in environment.getattr((undefined(name='diagram') if l_0_diagram is missing else l_0_diagram), 'arrows'):
        _loop_vars = {}
        pass
        yield '<path class="biml-flow'
        yield escape((' biml-flow-curved' if environment.getattr(l_1_arrow, 'curved') else cond_expr_undefined("the inline if-expression on line 15 in 'heat-map.html.j2' evaluated to false and no else section was defined.")))
        yield '" d="'
        yield escape(environment.getattr(l_1_arrow, 'path'))
        yield '" fill="none" stroke="currentColor" marker-end="url(#biml-heat-arrowhead-'
        yield escape((undefined(name='key') if l_0_key is missing else l_0_key))
        yield ')"/>\n'
    l_1_arrow = missing
    yield '</g>\n<g class="biml-nodes">\n'
    l_1_loop = missing
    for l_1_heat, l_1_loop in LoopContext((undefined(name='nodes') if l_0_nodes is missing else l_0_nodes), undefined):
        l_1_component_heading = resolve('component_heading')
        l_1_node = l_1_figure = l_1_label = missing
        _loop_vars = {}
        pass
        l_1_node = environment.getattr(l_1_heat, 'node')
        _loop_vars['node'] = l_1_node
        l_1_figure = context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'heat_figure', addressed=environment.getattr(l_1_heat, 'addressed'), total=environment.getattr(l_1_heat, 'total'), _loop_vars=_loop_vars)
        _loop_vars['figure'] = l_1_figure
        l_1_label = markup_join((context.call((undefined(name='component_heading') if l_1_component_heading is missing else l_1_component_heading), environment.getattr((undefined(name='node') if l_1_node is missing else l_1_node), 'component'), _loop_vars=_loop_vars), ': ', (undefined(name='figure') if l_1_figure is missing else l_1_figure), ' (', environment.getattr(l_1_heat, 'percent'), '%)', ))
        _loop_vars['label'] = l_1_label
        yield '<a class="biml-node biml-node-'
        yield escape(environment.getattr(environment.getattr((undefined(name='node') if l_1_node is missing else l_1_node), 'component'), 'kind'))
        yield ' biml-heat-'
        yield escape(environment.getattr(l_1_heat, 'level'))
        yield '" role="link" xlink:href="'
        yield escape(environment.getattr(l_1_heat, 'href'))
        yield '" aria-label="'
        yield escape((undefined(name='label') if l_1_label is missing else l_1_label))
        yield '" data-biml-component="'
        yield escape(environment.getattr(environment.getattr((undefined(name='node') if l_1_node is missing else l_1_node), 'component'), 'label'))
        yield '">\n<title>'
        yield escape((undefined(name='label') if l_1_label is missing else l_1_label))
        yield '</title>\n'
        if (environment.getattr((undefined(name='node') if l_1_node is missing else l_1_node), 'shape') == 'ellipse'):
            pass
            yield '<ellipse class="biml-node-shape" cx="'
            yield escape(environment.getattr(environment.getattr((undefined(name='node') if l_1_node is missing else l_1_node), 'center'), 'x'))
            yield '" cy="'
            yield escape(environment.getattr(environment.getattr((undefined(name='node') if l_1_node is missing else l_1_node), 'center'), 'y'))
            yield '" rx="'
            yield escape(environment.getattr((undefined(name='node') if l_1_node is missing else l_1_node), 'rx'))
            yield '" ry="'
            yield escape(environment.getattr((undefined(name='node') if l_1_node is missing else l_1_node), 'ry'))
            yield '" fill="#ffffff" stroke="#000000"/>\n'
        else:
            pass
            yield '<rect class="biml-node-shape" x="'
            yield escape(environment.getattr((undefined(name='node') if l_1_node is missing else l_1_node), 'x'))
            yield '" y="'
            yield escape(environment.getattr((undefined(name='node') if l_1_node is missing else l_1_node), 'y'))
            yield '" width="'
            yield escape(environment.getattr((undefined(name='node') if l_1_node is missing else l_1_node), 'width'))
            yield '" height="'
            yield escape(environment.getattr((undefined(name='node') if l_1_node is missing else l_1_node), 'height'))
            yield '" rx="'
            yield escape((10 if environment.getattr(environment.getattr((undefined(name='node') if l_1_node is missing else l_1_node), 'component'), 'is_system') else 3))
            yield '" fill="#ffffff" stroke="#000000"/>\n'
        l_2_loop = missing
        for (l_2_line, l_2_y), l_2_loop in LoopContext(context.call(environment.getattr((undefined(name='node') if l_1_node is missing else l_1_node), 'line_positions'), (undefined(name='figure') if l_1_figure is missing else l_1_figure), _loop_vars=_loop_vars), undefined):
            _loop_vars = {}
            pass
            yield '<text class="'
            yield escape(('biml-node-count' if environment.getattr(l_2_loop, 'last') else 'biml-node-label'))
            yield '" x="'
            yield escape(environment.getattr(environment.getattr((undefined(name='node') if l_1_node is missing else l_1_node), 'center'), 'x'))
            yield '" y="'
            yield escape(l_2_y)
            yield '" text-anchor="middle" fill="#000000">'
            yield escape(l_2_line)
            yield '</text>\n'
        l_2_loop = l_2_line = l_2_y = missing
        yield '</a>\n'
    l_1_loop = l_1_heat = l_1_node = l_1_figure = l_1_component_heading = l_1_label = missing
    yield '</g>\n</svg>\n</div>\n<figcaption>\n<ul class="biml-heat-map-figures">\n'
    for l_1_heat in (undefined(name='nodes') if l_0_nodes is missing else l_0_nodes):
        l_1_component_heading = resolve('component_heading')
        _loop_vars = {}
        pass
        yield '<li><a href="'
        yield escape(environment.getattr(l_1_heat, 'href'))
        yield '">'
        yield escape(context.call((undefined(name='component_heading') if l_1_component_heading is missing else l_1_component_heading), environment.getattr(environment.getattr(l_1_heat, 'node'), 'component'), _loop_vars=_loop_vars))
        yield '</a>: <span class="biml-heat-figure">'
        yield escape(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'heat_figure', addressed=environment.getattr(l_1_heat, 'addressed'), total=environment.getattr(l_1_heat, 'total'), _loop_vars=_loop_vars))
        yield ' ('
        yield escape(environment.getattr(l_1_heat, 'percent'))
        yield '%)</span></li>\n'
    l_1_heat = l_1_component_heading = missing
    yield '</ul>\n</figcaption>\n</figure>\n'

blocks = {}
debug_info = '5=22&6=26&8=34&9=42&11=46&14=48&15=52&19=61&20=66&21=68&22=70&23=73&24=83&25=85&26=88&28=99&30=110&31=114&40=126&41=131'