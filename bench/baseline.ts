/**
 * The baseline of the picture-export benchmark: the chart as DOM (every card an
 * element, as a canvas library with every node mounted draws it) captured with
 * html-to-image 1.11.11, the version React Flow's own PNG example pins. The bench
 * calls window.baselineExport(text) and times it.
 */
import { toPng } from 'html-to-image';
import { parseDocument } from '../src/schema/parse.ts';
import { buildTreeIndex } from '../src/model/tree.ts';
import { layoutDocument } from '../src/layout/index.ts';

declare global {
  interface Window {
    baselineExport: (text: string) => Promise<number>;
  }
}

window.baselineExport = async (text: string): Promise<number> => {
  const result = parseDocument(text);
  if (!result.ok) throw new Error(result.error.message);
  const doc = result.doc;
  const layout = layoutDocument(doc, buildTreeIndex(doc));
  const chart = document.getElementById('chart')!;
  chart.replaceChildren();
  const { minX, minY, maxX, maxY } = layout.bounds;
  chart.style.cssText = `position:relative;width:${maxX - minX}px;height:${maxY - minY}px;background:#fff;font:12px system-ui,sans-serif`;
  for (const i of layout.visible) {
    const role = doc.roles[i]!;
    const card = document.createElement('div');
    card.style.cssText = `position:absolute;left:${layout.x[i]! - minX}px;top:${layout.y[i]! - minY}px;width:${layout.nodeWidth}px;height:${layout.nodeHeight}px;border:1px solid #ced4da;border-left:5px solid #1971c2;border-radius:6px;padding:6px;box-sizing:border-box;background:#fff`;
    card.innerHTML = '<b></b><div></div><div></div>';
    card.children[0]!.textContent = role.title;
    card.children[1]!.textContent = `${role.family} · level ${role.level}`;
    card.children[2]!.textContent = role.holder?.name ?? '';
    chart.append(card);
  }
  const png = await toPng(chart, { pixelRatio: 1, backgroundColor: '#fff' });
  return png.length;
};
