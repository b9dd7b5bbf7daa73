"""A self-contained, offline HTML picture of the relation graph.

The layout is computed here (networkx spring layout, fixed seed) and written as inline SVG, so
the page shows the graph even with scripts disabled; a small inline script adds rich hover
tooltips, dragging nodes, zoom and pan. Nothing is fetched: no CDN, no web font, and a
Content-Security-Policy that forbids every network request, so the file can be mailed,
archived or opened on an air-gapped machine and look the same.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import Any

import networkx as nx

from geokg import __version__
from geokg.graph.network import Claim, dyad_graph, ego_claims, filter_claims, format_relations

WIDTH, HEIGHT, MARGIN = 1000, 680, 60
LAYOUT_SEED = 7  # same store, same picture: the spring layout starts from seeded positions
KIND_STYLE = {  # fill colour and legend label per actor kind; the shape is drawn in _node_shape
    "state": ("#4c78a8", "state"),
    "igo": ("#8e6bbf", "international organisation"),
    "person": ("#e0a526", "person"),
}
COOPERATION, CONFLICT, NEUTRAL = "#2e9d4b", "#d1403a", "#9a9a9a"
_MAX_SENTENCE = 320


def _signed(value: float) -> str:
    return f"{value:+.4g}" if value else "0"


def _layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions in SVG units, filling the canvas inside the margins."""
    nodes = sorted(graph)
    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0]: (WIDTH / 2, HEIGHT / 2)}
    # A copy with sorted nodes and edges: the layout must not depend on claim order.
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)
    ordered.add_edges_from(sorted(tuple(sorted(e)) for e in graph.edges))
    # k a bit above the default spreads small graphs; weight=None keeps strong ties from
    # collapsing two actors onto one spot (strength is shown by the stroke width instead).
    pos = nx.spring_layout(ordered, seed=LAYOUT_SEED, weight=None,
                           k=1.8 / math.sqrt(len(nodes)), iterations=200)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]

    def scale(value: float, low: float, high: float, size: float) -> float:
        if high - low < 1e-9:
            return size / 2
        return MARGIN + (value - low) / (high - low) * (size - 2 * MARGIN)

    return {n: (round(scale(pos[n][0], min(xs), max(xs), WIDTH), 1),
                round(scale(pos[n][1], min(ys), max(ys), HEIGHT), 1)) for n in nodes}


def _edge_colour(net: float) -> str:
    return COOPERATION if net > 0 else CONFLICT if net < 0 else NEUTRAL


def _node_radius(claims: int) -> float:
    return round(min(26.0, 9.0 + 3.0 * math.sqrt(claims)), 1)


def _node_shape(kind: str, r: float, fill: str, extra: str) -> str:
    # Shapes as well as colours, so kinds stay apart in greyscale and for colour-blind readers.
    if kind == "igo":
        side = r * 1.7
        return (f'<rect x="{-side / 2:.1f}" y="{-side / 2:.1f}" width="{side:.1f}" '
                f'height="{side:.1f}" rx="3" fill="{fill}"{extra}/>')
    if kind == "person":
        d = r * 1.25
        return f'<polygon points="0,{-d:.1f} {d:.1f},0 0,{d:.1f} {-d:.1f},0" fill="{fill}"{extra}/>'
    return f'<circle r="{r}" fill="{fill}"{extra}/>'


def _edge_tip(a: dict, b: dict, data: dict[str, Any]) -> str:
    net = data["goldstein"]
    mood = "cooperation" if net > 0 else "conflict" if net < 0 else "neutral"
    lines = [f"{a['name']} — {b['name']}",
             f"net Goldstein {_signed(net)} ({mood}) · {data['count']} "
             f"claim{'s' if data['count'] != 1 else ''}"]
    lines += [f"{arrow}: {format_relations(rels)}" for arrow, rels in data["directions"].items()]
    sentence = data["sentence"]
    if len(sentence) > _MAX_SENTENCE:
        sentence = sentence[: _MAX_SENTENCE - 1] + "…"
    where = ", ".join(x for x in (data.get("date"), f"article {data['article']}"
                                  if data.get("article") else None) if x)
    lines.append(f"“{sentence}”" + (f" ({where})" if where else ""))
    return "\n".join(lines)


def _node_tip(code: str, data: dict, graph: nx.Graph) -> str:
    net = sum(d["goldstein"] for *_e, d in graph.edges(code, data=True))
    partners = graph.degree(code)
    return (f"{data['name']} ({code})\n{KIND_STYLE.get(data['kind'], ('', data['kind']))[1]} · "
            f"{data['claims']} claim{'s' if data['claims'] != 1 else ''} · {partners} "
            f"partner{'s' if partners != 1 else ''}\nnet Goldstein {_signed(round(net, 4))}")


def graph_view(claims: Iterable[Claim], ego: str | None = None,
               since: str | dt.date | None = None) -> nx.Graph:
    """The dyad graph to draw: factual claims since `since`, limited to `ego`'s ego network."""
    rows = filter_claims(claims, since)
    if ego:
        rows = ego_claims(rows, ego)
        if not rows:
            raise ValueError(f"{ego} has no factual relations in the store"
                             + (f" since {since}" if since else ""))
    return dyad_graph(rows)


def render_html(claims: Iterable[Claim], ego: str | None = None,
                since: str | dt.date | None = None, title: str = "geokg relation graph") -> str:
    """The whole page as one string (HTML + inline SVG, CSS and script; no external reference).

    Raises ValueError when `ego` has no factual relation (in the period)."""
    return _render(graph_view(claims, ego, since), ego, since, title)


def _render(graph: nx.Graph, ego: str | None, since: str | dt.date | None, title: str) -> str:
    pos = _layout(graph)
    nodes = graph.nodes
    edge_svg = []
    for a, b in sorted(tuple(sorted(e)) for e in graph.edges):
        data = graph.edges[a, b]
        (x1, y1), (x2, y2) = pos[a], pos[b]
        width = round(min(9.0, 1.5 + 1.2 * math.log2(1 + abs(data["goldstein"]))), 1)
        coords = f'x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"'
        edge_svg.append(
            f'<g class="edge" data-a="{escape(a)}" data-b="{escape(b)}">'
            f'<title>{escape(_edge_tip(nodes[a], nodes[b], data))}</title>'
            f'<line class="hit" {coords}/>'
            f'<line class="vis" {coords} stroke="{_edge_colour(data["goldstein"])}" '
            f'stroke-width="{width}"/></g>')
    node_svg = []
    for code in sorted(graph):
        data = nodes[code]
        x, y = pos[code]
        r = _node_radius(data["claims"])
        fill = KIND_STYLE.get(data["kind"], ("#777", ""))[0]
        ring = ' class="ego"' if code == ego else ""
        label_y = round(r * (1.25 if data["kind"] == "person" else 1.0) + 14, 1)
        node_svg.append(
            f'<g class="node kind-{escape(data["kind"])}" data-id="{escape(code)}" '
            f'transform="translate({x} {y})">'
            f'<title>{escape(_node_tip(code, data, graph))}</title>'
            f'{_node_shape(data["kind"], r, fill, ring)}'
            f'<text y="{label_y}">{escape(code)}</text></g>')
    facts = [f"{graph.number_of_nodes()} actors", f"{graph.number_of_edges()} dyads",
             f"{sum(d['count'] for *_e, d in graph.edges(data=True))} factual claims"]
    if ego:
        facts.append(f"ego network of {escape(nodes[ego]['name'])} ({escape(ego)})")
    if since:
        facts.append(f"since {escape(str(since))}")
    empty = ('<text x="500" y="340" text-anchor="middle" class="empty">No factual relations '
             'to draw.</text>' if not graph else "")
    legend = "".join(
        f'<span><svg width="16" height="16" viewBox="-9 -9 18 18">'
        f'{_node_shape(kind, 6.5, colour, "")}</svg>{escape(label)}</span>'
        for kind, (colour, label) in KIND_STYLE.items()
    ) + (f'<span><i style="background:{COOPERATION}"></i>net cooperation</span>'
         f'<span><i style="background:{CONFLICT}"></i>net conflict</span>'
         '<span class="hint">line width: |net Goldstein| · hover for evidence · drag nodes · '
         'wheel to zoom · drag the background to pan · double-click to reset</span>')
    return _PAGE.format(
        title=escape(title), facts=" · ".join(facts), legend=legend, version=__version__,
        width=WIDTH, height=HEIGHT, edges="\n".join(edge_svg), nodes="\n".join(node_svg),
        empty=empty, style=_STYLE, script=_SCRIPT,
    )


def write_html(path: Path, claims: Iterable[Claim], ego: str | None = None,
               since: str | dt.date | None = None) -> nx.Graph:
    """Write the page to `path`; returns the graph drawn (for a summary line)."""
    graph = graph_view(claims, ego, since)
    Path(path).write_text(_render(graph, ego, since, "geokg relation graph"), encoding="utf-8")
    return graph


_STYLE = """
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; }
html, body { height: 100%; }
body { margin: 0; background: #fafafa; display: flex; flex-direction: column; }
main { flex: 1 1 auto; position: relative; min-height: 320px; border-top: 1px solid #e2e2e2; }
header { padding: 10px 16px 4px; }
h1 { font-size: 18px; margin: 0 0 2px; }
.facts { font-size: 13px; color: #555; }
.legend { display: flex; flex-wrap: wrap; gap: 14px; align-items: center; font-size: 12px;
  padding: 4px 16px 6px; color: #333; }
.legend span { display: inline-flex; align-items: center; gap: 5px; }
.legend i { display: inline-block; width: 22px; height: 4px; border-radius: 2px; }
.legend .hint { color: #777; }
#graph { position: absolute; inset: 0; width: 100%; height: 100%; background: #fff;
  cursor: grab; touch-action: none; }
#graph.panning { cursor: grabbing; }
.edge line.hit { stroke: transparent; stroke-width: 14; }
.edge line.vis { stroke-linecap: round; opacity: .78; }
.edge:hover line.vis, .edge.focus line.vis { opacity: 1; }
svg.dim .edge:not(.focus) line.vis { opacity: .15; }
.node { cursor: move; }
.node circle, .node rect, .node polygon { stroke: #fff; stroke-width: 2; }
.node .ego { stroke: #222; stroke-width: 3; }
.node text { font-size: 13px; font-weight: 600; text-anchor: middle; fill: #222;
  paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round;
  pointer-events: none; }
.empty { font-size: 18px; fill: #777; }
#tip { position: fixed; display: none; max-width: 460px; padding: 8px 10px; font-size: 12.5px;
  line-height: 1.4; background: rgba(32, 32, 32, .94); color: #fff; border-radius: 6px;
  white-space: pre-line; pointer-events: none; box-shadow: 0 2px 8px rgba(0, 0, 0, .25); }
#tip b { font-size: 13.5px; }
footer { font-size: 11px; color: #999; padding: 2px 16px; }
"""

# Vanilla JS, no library: tooltips from the SVG <title>s (moved out so the browser's own
# tooltip does not double them), node dragging that drags the edges along, zoom and pan by
# rewriting the viewBox.
_SCRIPT = """
(function () {
  "use strict";
  var svg = document.getElementById("graph"), tip = document.getElementById("tip");
  var home = svg.getAttribute("viewBox").split(" ").map(Number), box = home.slice();
  var nodes = {}, edgesOf = {};
  svg.querySelectorAll("g.node, g.edge").forEach(function (el) {
    var t = el.querySelector("title");
    if (t) { el.setAttribute("data-tip", t.textContent); t.remove(); }
  });
  svg.querySelectorAll("g.node").forEach(function (el) {
    var m = /translate\\(([-\\d.]+)[ ,]([-\\d.]+)\\)/.exec(el.getAttribute("transform"));
    nodes[el.dataset.id] = {el: el, x: +m[1], y: +m[2]};
    edgesOf[el.dataset.id] = [];
  });
  svg.querySelectorAll("g.edge").forEach(function (el) {
    edgesOf[el.dataset.a].push({el: el, end: 1});
    edgesOf[el.dataset.b].push({el: el, end: 2});
  });
  function point(evt) {
    var p = svg.createSVGPoint(); p.x = evt.clientX; p.y = evt.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function setBox() { svg.setAttribute("viewBox", box.join(" ")); }
  function showTip(evt, text) {
    var lines = text.split("\\n");
    tip.textContent = "";
    var head = document.createElement("b"); head.textContent = lines.shift();
    tip.appendChild(head); tip.appendChild(document.createTextNode("\\n" + lines.join("\\n")));
    tip.style.display = "block";
    var x = evt.clientX + 14, y = evt.clientY + 14;
    if (x + tip.offsetWidth > window.innerWidth - 8) { x = evt.clientX - tip.offsetWidth - 14; }
    if (y + tip.offsetHeight > window.innerHeight - 8) { y = evt.clientY - tip.offsetHeight - 14; }
    tip.style.left = Math.max(4, x) + "px"; tip.style.top = Math.max(4, y) + "px";
  }
  var drag = null, pan = null;
  svg.addEventListener("pointermove", function (evt) {
    if (drag) {
      var p = point(evt), n = nodes[drag];
      n.x = p.x; n.y = p.y;
      n.el.setAttribute("transform", "translate(" + p.x + " " + p.y + ")");
      edgesOf[drag].forEach(function (e) {
        e.el.querySelectorAll("line").forEach(function (line) {
          line.setAttribute("x" + e.end, p.x); line.setAttribute("y" + e.end, p.y);
        });
      });
      return;
    }
    if (pan) {
      var scale = box[2] / svg.clientWidth;
      box[0] = pan.box[0] - (evt.clientX - pan.x) * scale;
      box[1] = pan.box[1] - (evt.clientY - pan.y) * scale;
      setBox(); return;
    }
    var target = evt.target.closest("[data-tip]");
    if (target) { showTip(evt, target.getAttribute("data-tip")); }
    else { tip.style.display = "none"; }
  });
  svg.addEventListener("pointerover", function (evt) {
    var node = evt.target.closest("g.node");
    if (!node) { return; }
    svg.classList.add("dim");
    edgesOf[node.dataset.id].forEach(function (e) { e.el.classList.add("focus"); });
  });
  svg.addEventListener("pointerout", function (evt) {
    var node = evt.target.closest("g.node");
    if (!node || drag) { return; }
    svg.classList.remove("dim");
    edgesOf[node.dataset.id].forEach(function (e) { e.el.classList.remove("focus"); });
  });
  svg.addEventListener("pointerleave", function () { tip.style.display = "none"; });
  svg.addEventListener("pointerdown", function (evt) {
    var node = evt.target.closest("g.node");
    svg.setPointerCapture(evt.pointerId);
    tip.style.display = "none";
    if (node) { drag = node.dataset.id; }
    else { pan = {x: evt.clientX, y: evt.clientY, box: box.slice()}; svg.classList.add("panning"); }
  });
  svg.addEventListener("pointerup", function (evt) {
    drag = null; pan = null; svg.classList.remove("panning");
    svg.releasePointerCapture(evt.pointerId);
  });
  svg.addEventListener("wheel", function (evt) {
    evt.preventDefault();
    var p = point(evt), f = evt.deltaY < 0 ? 0.85 : 1 / 0.85;
    box = [p.x - (p.x - box[0]) * f, p.y - (p.y - box[1]) * f, box[2] * f, box[3] * f];
    setBox();
  }, {passive: false});
  svg.addEventListener("dblclick", function () { box = home.slice(); setBox(); });
  // A link ending in #focus=CHN (an actor) or #focus=CHN,RUS (a pair) opens with that
  // element highlighted and its tooltip shown: for sharing a view, and for screenshots.
  var focus = /#focus=([^&]+)/.exec(decodeURIComponent(location.hash));
  if (focus) {
    var ids = focus[1].split(","), el = null;
    if (ids.length === 1 && nodes[ids[0]]) {
      el = nodes[ids[0]].el;
      svg.classList.add("dim");
      edgesOf[ids[0]].forEach(function (e) { e.el.classList.add("focus"); });
    } else if (ids.length === 2) {
      svg.querySelectorAll("g.edge").forEach(function (e) {
        if ((e.dataset.a === ids[0] && e.dataset.b === ids[1]) ||
            (e.dataset.a === ids[1] && e.dataset.b === ids[0])) { el = e; }
      });
      if (el) { svg.classList.add("dim"); el.classList.add("focus"); }
    }
    if (el) {
      var r = el.getBoundingClientRect();
      showTip({clientX: r.left + r.width / 2, clientY: r.top + r.height / 2},
              el.getAttribute("data-tip"));
    }
  }
})();
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="geokg {version}">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header><h1>{title}</h1><div class="facts">{facts}</div></header>
<div class="legend">{legend}</div>
<main>
<svg id="graph" viewBox="0 0 {width} {height}" preserveAspectRatio="xMidYMid meet" role="img"
 aria-label="{title}">
<g class="edges">
{edges}
</g>
<g class="nodes">
{nodes}
</g>
{empty}
</svg>
</main>
<div id="tip" role="tooltip"></div>
<footer>geokg {version} · factual relations only (asserted, intended) · colours by the sign of \
the net Goldstein score of each pair</footer>
<script>{script}</script>
</body>
</html>
"""
