"""Serialize an event network (``Store.network()``) as GraphML or JSON."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

__all__ = ["to_graphml", "to_json"]

_EDGE_KEYS = (("events", "int"), ("goldstein_sum", "double"), ("goldstein_mean", "double"),
              ("cooperation", "int"), ("conflict", "int"))


def to_json(net: dict[str, Any]) -> str:
    return json.dumps(net, indent=2)


def to_graphml(net: dict[str, Any]) -> str:
    """GraphML that Gephi, networkx and igraph read: a directed graph, weights on edges."""
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    ET.SubElement(root, "key", id="n_events", attrib={"for": "node", "attr.name": "events", "attr.type": "int"})
    for name, typ in _EDGE_KEYS:
        ET.SubElement(root, "key", id=f"e_{name}", attrib={"for": "edge", "attr.name": name, "attr.type": typ})
    graph = ET.SubElement(root, "graph", id="eventwire", edgedefault="directed")
    for node in net["nodes"]:
        el = ET.SubElement(graph, "node", id=str(node["id"]))
        ET.SubElement(el, "data", key="n_events").text = str(node["events"])
    for i, edge in enumerate(net["edges"]):
        el = ET.SubElement(graph, "edge", id=f"e{i}", source=str(edge["source"]), target=str(edge["target"]))
        for name, _ in _EDGE_KEYS:
            if edge.get(name) is not None:
                ET.SubElement(el, "data", key=f"e_{name}").text = str(edge[name])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
