import { useEffect, useRef } from 'react';
import cytoscape from 'cytoscape';
import type { Chain } from '../hooks/useCases';
import { CLASS_COLORS } from './ClassTag';

/** Nodes per row within a generation's band. */
const ROW = 40;
/** Above this many persons the graph is drawn for speed: straight edges, only case codes as labels. */
const BIG = 500;

export interface ChainGraphProps {
  chain: Chain;
  outOfScope: string;
  onOpen(personId: string): void;
}

/** The chain as a graph (in its own chunk with Cytoscape): one band per generation, coloured by class, household links dashed; a click opens the person. */
export function ChainGraph({ chain, outOfScope, onOpen }: ChainGraphProps) {
  const box = useRef<HTMLDivElement>(null);
  const open = useRef(onOpen);
  open.current = onOpen;

  useEffect(() => {
    if (!box.current) return;
    // One band per generation; a wide generation wraps into rows of ROW nodes so a large cluster still fits.
    const big = chain.nodes.length > BIG;
    const perDepth = new Map<number, number>();
    for (const n of chain.nodes) perDepth.set(n.depth, (perDepth.get(n.depth) ?? 0) + 1);
    const bandTop = new Map<number, number>();
    let top = 0;
    for (const d of [...perDepth.keys()].sort((a, b) => a - b)) {
      bandTop.set(d, top);
      top += Math.ceil(perDepth.get(d)! / ROW) * 110 + 60;
    }
    const placed = new Map<number, number>();
    const elements: cytoscape.ElementDefinition[] = chain.nodes.map((n) => {
      const i = placed.get(n.depth) ?? 0;
      placed.set(n.depth, i + 1);
      // a large chain names only its cases (thousands of names are unreadable and slow to draw)
      const label = big ? (n.caseCode ?? '') : `${n.fullName ?? outOfScope}${n.caseCode ? `\n${n.caseCode}` : ''}`;
      return {
        data: { id: n.id, label, color: n.class ? CLASS_COLORS[n.class] : '#8c8c8c', inScope: n.inScope },
        position: { x: (i % ROW) * 160, y: bandTop.get(n.depth)! + Math.floor(i / ROW) * 110 },
      };
    });
    chain.edges.forEach((e, i) => elements.push({ data: { id: `e-${i}`, source: e.source, target: e.target, setting: e.setting } }));
    const cy = cytoscape({
      container: box.current,
      elements,
      layout: { name: 'preset', fit: true, padding: 24 },
      minZoom: big ? 0.02 : 0.2,
      maxZoom: 3,
      // large chains: draw a bitmap while panning and zooming
      textureOnViewport: big,
      hideEdgesOnViewport: big,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(color)',
            label: 'data(label)',
            'text-wrap': 'wrap',
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'font-size': 11,
            width: 26,
            height: 26,
            'text-max-width': '140px',
          },
        },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': '#999',
            'target-arrow-color': '#999',
            'target-arrow-shape': big ? 'none' : 'triangle',
            'curve-style': big ? 'haystack' : 'bezier',
          },
        },
        // within a household everyone is exposed to everyone: drawn lighter so the links between households stand out
        { selector: 'edge[setting = "household"]', style: { 'line-style': 'dashed', 'line-color': '#d0d0d0', 'target-arrow-color': '#d0d0d0' } },
      ],
    });
    cy.on('tap', 'node', (evt) => {
      if (evt.target.data('inScope')) open.current(String(evt.target.id()));
    });
    return () => cy.destroy();
  }, [chain, outOfScope]);

  return <div ref={box} style={{ width: '100%', height: 420, border: '1px solid #f0f0f0', borderRadius: 8 }} data-testid="chain-graph" />;
}
