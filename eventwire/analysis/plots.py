"""Charts of stored events (matplotlib, no display needed): a dyad's series and the actor network."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

__all__ = ["plot_dyad", "plot_network"]

_QUADS = (("verbal_coop", "Verbal cooperation", "#4c9a2a"), ("material_coop", "Material cooperation", "#1f6f8b"),
          ("verbal_conflict", "Verbal conflict", "#e8a33d"), ("material_conflict", "Material conflict", "#c0392b"))


def _label(period: Any, freq: str) -> str:
    fmt = {"month": "%Y-%m", "year": "%Y"}.get(freq, "%Y-%m-%d")
    if freq == "quarter":
        return f"{period:%Y}-Q{(period.month - 1) // 3 + 1}"
    return format(period, fmt)


def plot_dyad(series: Any, a: str, b: str, out: str | Path, freq: str = "month") -> Path:
    """Per direction: events by quad class (stacked bars) and net Goldstein score (line), on the same
    periods for both directions so they compare at a glance."""
    directions = [f"{a}->{b}", f"{b}->{a}"]
    periods = sorted(set(series["period"])) if len(series) else []
    labels = [_label(p, freq) for p in periods]
    x = list(range(len(periods)))
    fig, axes = plt.subplots(2, 2, figsize=(12, 7), sharex=True, squeeze=False)
    top = 1
    for col, direction in enumerate(directions):
        sub = series[series["direction"] == direction] if len(series) else series
        by_period = {row["period"]: row for _, row in sub.iterrows()} if len(sub) else {}
        ax_bar, ax_line = axes[0][col], axes[1][col]
        bottom = [0.0] * len(periods)
        for key, label, color in _QUADS:
            vals = [float(by_period[p][key]) if p in by_period else 0.0 for p in periods]
            ax_bar.bar(x, vals, bottom=bottom, width=0.8, label=label, color=color)
            bottom = [u + v for u, v in zip(bottom, vals, strict=True)]
        top = max([top, *bottom])
        ax_bar.set_title(f"{direction.replace('->', ' → ')}: events per {freq}")
        ax_bar.set_ylabel("events (each real-world event once)")
        ax_line.axhline(0, color="#888", linewidth=0.8)
        gs = [float(by_period[p]["goldstein_sum"]) if p in by_period else 0.0 for p in periods]
        ax_line.plot(x, gs, marker="o", color="#333")
        ax_line.set_ylabel("Goldstein sum (− conflict, + cooperation)")
        ax_line.set_xlabel(freq)
        if not by_period:
            ax_bar.text(0.5, 0.5, "no events", transform=ax_bar.transAxes, ha="center", color="#888")
        ax_line.set_xticks(x, labels, rotation=30, ha="right")
    for ax in (axes[0][0], axes[0][1]):
        ax.set_ylim(0, top * 1.15)
        ax.yaxis.get_major_locator().set_params(integer=True)
    axes[0][0].legend(loc="upper left", fontsize=8)
    fig.suptitle(f"{a} – {b}: events and Goldstein score by {freq}", fontsize=14)
    fig.tight_layout()
    out = Path(out)
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def plot_network(net: dict[str, Any], out: str | Path, top: int = 25, title: str | None = None) -> Path:
    """Actors on a circle, arrows coloured by mean Goldstein (red conflict, green cooperation),
    width by event count; the ``top`` busiest actors only, so it stays readable."""
    keep = [n["id"] for n in net["nodes"][:top]]
    angle = {k: 2 * math.pi * i / max(len(keep), 1) for i, k in enumerate(keep)}
    pos = {k: (math.cos(a), math.sin(a)) for k, a in angle.items()}
    edges = [e for e in net["edges"] if e["source"] in pos and e["target"] in pos]
    fig, ax = plt.subplots(figsize=(9, 9))
    cmap = plt.get_cmap("RdYlGn")
    most = max((e["events"] for e in edges), default=1)
    for e in edges:
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        color = cmap((max(-10.0, min(10.0, e["goldstein_mean"] or 0.0)) + 10) / 20)
        ax.annotate("", xy=(x2, y2), xytext=(x1, y1), arrowprops={
            "arrowstyle": "-|>", "color": color, "lw": 0.8 + 4 * e["events"] / most, "alpha": 0.8,
            "shrinkA": 14, "shrinkB": 14, "connectionstyle": "arc3,rad=0.12"})
    degree = {n["id"]: n["events"] for n in net["nodes"]}
    most_n = max(degree.values(), default=1)
    for k, (x, y) in pos.items():
        ax.scatter([x], [y], s=200 + 1200 * degree[k] / most_n, color="#dfe6ee", edgecolors="#34495e", zorder=3)
        ax.text(x, y, k, ha="center", va="center", fontsize=9, fontweight="bold", zorder=4)
    if not pos:
        ax.text(0.5, 0.5, "no events with a target", transform=ax.transAxes, ha="center", color="#888")
    sm = plt.cm.ScalarMappable(cmap=cmap, norm=plt.Normalize(-10, 10))
    fig.colorbar(sm, ax=ax, shrink=0.6, label="mean Goldstein score of the edge")
    ax.set_title(title or "Who does what to whom: actor network (arrow width = events)")
    ax.set_xlim(-1.3, 1.3)
    ax.set_ylim(-1.3, 1.3)
    ax.set_aspect("equal")
    ax.axis("off")
    out = Path(out)
    fig.savefig(out, dpi=110, bbox_inches="tight")
    plt.close(fig)
    return out
