import { ipv4AccessLabel, type Deployment } from '../../derive/deployment';
import { formatInterface, formatNetwork } from '../../net/ipv4';
import { innerLine, innerSegmentCaption, vpsExtraLines, vpsSideSelector } from './topologyExtras';

/*
 * The topology diagram (docs/topology.svg in the bundle, and the wizard's live diagram): home LAN
 * segments — RTX — IPv6 internet — VPS — private subnet, with the tunnel and IKE version. Pure: the
 * same deployment gives the same bytes. Box widths follow their text so long IPv6 addresses fit.
 */

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!);
}

const FONT = 13;
const MONO = 12.5;
const LINE = 18;
const PAD = 12;

interface TextLine {
  readonly text: string;
  readonly kind: 'title' | 'mono' | 'muted';
}

/** Approximate rendered width: CJK is a full em, the rest about 0.6 em (monospace) / 0.56 em. */
function textWidth(line: TextLine): number {
  const size = line.kind === 'title' ? FONT + 1 : line.kind === 'mono' ? MONO : FONT - 1;
  let width = 0;
  for (const char of line.text) width += /[\u3000-\u9fff\uff00-\uffef]/.test(char) ? size : size * (line.kind === 'mono' ? 0.61 : 0.58);
  return width;
}

function boxWidth(lines: readonly TextLine[], min: number): number {
  return Math.ceil(Math.max(min, ...lines.map(textWidth)) + PAD * 2);
}

function boxHeight(lines: readonly TextLine[]): number {
  return lines.length * LINE + PAD * 2 - 4;
}

const CLASS: Readonly<Record<TextLine['kind'], string>> = { title: 'tt', mono: 'mono', muted: 'muted' };

function box(x: number, y: number, width: number, lines: readonly TextLine[], kind: string): string {
  const height = boxHeight(lines);
  const texts = lines
    .map((line, index) => `<text class="${CLASS[line.kind]}" x="${x + PAD}" y="${y + PAD + 10 + index * LINE}">${escapeXml(line.text)}</text>`)
    .join('');
  return `<g class="${kind}"><rect x="${x}" y="${y}" width="${width}" height="${height}" rx="8"/>${texts}</g>`;
}

const round = (value: number) => Math.round(value * 10) / 10;

export function renderTopologySvg(d: Deployment): string {
  const { plan, peer, router, target } = d;
  const crypto = d.crypto;
  const { stackCaps } = d;
  const access = plan.home.ipv4Access;

  // Left: the home LAN segments, one box each.
  const lanBoxes = d.lans.map((lan): TextLine[] => [
    { text: `${lan.interface}`, kind: 'title' },
    { text: formatNetwork(lan.network), kind: 'mono' },
    { text: `RTX ${formatInterface(lan.address)}`, kind: 'muted' },
  ]);

  const rtxLines: TextLine[] = [
    { text: `YAMAHA ${router.model}`, kind: 'title' },
    { text: `Rev.${plan.router.firmware}`, kind: 'muted' },
    { text: `${plan.home.wanInterface} ${d.rtxIpv6}`, kind: 'mono' },
    { text: `tunnel ${peer.tunnel.tunnelId} (IPsec)`, kind: 'mono' },
    {
      text: `IPv4: ${ipv4AccessLabel(access)}`,
      kind: 'muted',
    },
  ];
  const vpsLines: TextLine[] = [
    { text: `VPS ${target.label.en}`, kind: 'title' },
    { text: `${d.stack}${stackCaps ? ` ${stackCaps.version}` : ''}`, kind: 'muted' },
    { text: `${peer.vps.publicInterface} ${d.vpsIpv6}`, kind: 'mono' },
    { text: innerLine(d), kind: 'mono' },
    { text: `conn ${peer.name}`, kind: 'muted' },
    ...vpsExtraLines(d),
  ];
  const privateLines: TextLine[] = [
    { text: formatNetwork(d.vpsNetwork), kind: 'title' },
    { text: innerSegmentCaption(d), kind: 'muted' },
    { text: `VPS ${formatInterface(d.vpsAddress)}`, kind: 'muted' },
  ];
  const rtxWidth = boxWidth(rtxLines, 210);
  const vpsWidth = boxWidth(vpsLines, 210);
  const privateWidth = boxWidth(privateLines, 150);
  const lanBoxWidth = Math.max(...lanBoxes.map((lines) => boxWidth(lines, 130)));

  // Home column: the LAN segments (two per row) above the RTX; VPS column: its subnet above the VPS.
  const perRow = lanBoxes.length > 1 ? 2 : 1;
  const lanRows = Math.ceil(lanBoxes.length / perRow);
  const homeWidth = Math.max(rtxWidth, perRow * lanBoxWidth + (perRow - 1) * 12);
  const vpsColumn = Math.max(vpsWidth, privateWidth);
  const cloudWidth = 190;
  const gap = 28;
  const xHome = 16;
  const xCloud = xHome + homeWidth + gap;
  const xVpsColumn = xCloud + cloudWidth + gap;
  const width = xVpsColumn + vpsColumn + 16;

  const top = 48;
  const lanHeight = Math.max(...lanBoxes.map(boxHeight));
  const lanBlock = lanRows * lanHeight + (lanRows - 1) * 10;
  const upper = Math.max(lanBlock, boxHeight(privateLines));
  const rowY = top + upper + 34;
  const rtxHeight = boxHeight(rtxLines);
  const vpsHeight = boxHeight(vpsLines);
  const rowHeight = Math.max(rtxHeight, vpsHeight);
  const midY = rowY + rowHeight / 2;
  const height = rowY + rowHeight + 58;

  const parts: string[] = [];
  const xRtx = xHome + (homeWidth - rtxWidth) / 2;
  const rtxY = round(midY - rtxHeight / 2);
  const busY = round(rtxY - 17);
  const lanGridWidth = perRow * lanBoxWidth + (perRow - 1) * 12;
  const xLanGrid = xHome + (homeWidth - lanGridWidth) / 2;
  const lanCentres: number[] = [];
  lanBoxes.forEach((lines, index) => {
    const x = round(xLanGrid + (index % perRow) * (lanBoxWidth + 12));
    const y = round(top + Math.floor(index / perRow) * (lanHeight + 10));
    lanCentres.push(x + lanBoxWidth / 2);
    const bottom = y + boxHeight(lines);
    if (Math.floor(index / perRow) === lanRows - 1) parts.push(`<path class="wire" d="M${round(x + lanBoxWidth / 2)} ${bottom} V${busY}"/>`);
    else parts.push(`<path class="wire" d="M${round(x + 6)} ${round(y + boxHeight(lines) / 2)} H${round(xLanGrid - 8)} V${busY}"/>`);
    parts.push(box(x, y, lanBoxWidth, lines, 'lan'));
  });
  const busLeft = Math.min(...lanCentres, lanRows > 1 ? xLanGrid - 8 : Number.POSITIVE_INFINITY, xRtx + rtxWidth / 2);
  const busRight = Math.max(...lanCentres, xRtx + rtxWidth / 2);
  parts.push(`<path class="wire" d="M${round(busLeft)} ${busY} H${round(busRight)} M${round(xRtx + rtxWidth / 2)} ${busY} V${rtxY}"/>`);

  const xVps = xVpsColumn + (vpsColumn - vpsWidth) / 2;
  const vpsY = round(midY - vpsHeight / 2);
  const xPrivate = xVpsColumn + (vpsColumn - privateWidth) / 2;
  const privateY = round(top + (upper - boxHeight(privateLines)) / 2);
  parts.push(`<path class="wire" d="M${round(xPrivate + privateWidth / 2)} ${privateY + boxHeight(privateLines)} V${vpsY}"/>`);

  // The IPv6 internet between the two ends, and the tunnel through it.
  const cx = xCloud + cloudWidth / 2;
  parts.push(`<ellipse class="cloud" cx="${round(cx)}" cy="${round(midY)}" rx="${cloudWidth / 2 + 6}" ry="${round(Math.min(70, rowHeight / 2 + 14))}"/>`);
  parts.push(`<text class="muted" text-anchor="middle" x="${round(cx)}" y="${round(midY + 28)}">IPv6 インターネット</text>`);
  parts.push(`<text class="muted" text-anchor="middle" x="${round(cx)}" y="${round(midY + 44)}">NGN (FLET'S IPoE)</text>`);
  parts.push(`<path class="tunnel" d="M${round(xRtx + rtxWidth)} ${round(midY)} H${round(xVps)}"/>`);
  parts.push(`<path class="tunnel-core" d="M${round(xRtx + rtxWidth)} ${round(midY)} H${round(xVps)}"/>`);
  parts.push(`<text class="tt" text-anchor="middle" x="${round(cx)}" y="${round(midY - 12)}">${escapeXml(`IPsec IKEv${crypto.ikeVersion}`)}</text>`);
  const suite = `ESP ${crypto.espEncryption}/${crypto.espIntegrity} · ${crypto.dhGroup}${crypto.pfs ? ' · PFS' : ''}`;
  parts.push(`<text class="mono small" text-anchor="middle" x="${round(cx)}" y="${round(midY - 30)}">${escapeXml(suite)}</text>`);

  parts.push(box(round(xRtx), rtxY, rtxWidth, rtxLines, 'node'));
  parts.push(box(round(xVps), vpsY, vpsWidth, vpsLines, 'node'));
  parts.push(box(round(xPrivate), privateY, privateWidth, privateLines, 'lan'));

  // Headings above each column and the selectors below.
  const heading = (x: number, w: number, text: string) => `<text class="heading" text-anchor="middle" x="${round(x + w / 2)}" y="30">${escapeXml(text)}</text>`;
  parts.push(heading(xHome, homeWidth, '自宅 / Home'));
  parts.push(heading(xCloud, cloudWidth, 'IPv6 (外側 / outer)'));
  parts.push(heading(xVpsColumn, vpsColumn, 'VPS'));
  const selectors = `${d.homeNetworks.map(formatNetwork).join(', ')} ⇄ ${vpsSideSelector(d)}`;
  parts.push(`<text class="muted" text-anchor="middle" x="${round(width / 2)}" y="${height - 20}">${escapeXml(`IPv4 (内側 / inner): ${selectors}`)}</text>`);

  const style = [
    'svg{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans JP",sans-serif}',
    '.bg{fill:#fbfbfc}',
    'rect{stroke-width:1.5}',
    '.node rect{fill:#ffffff;stroke:#3b5bdb}',
    '.lan rect{fill:#f1f6f1;stroke:#5c940d}',
    'text{fill:#1d2129;font-size:13px}',
    '.tt{font-weight:600;font-size:14px}',
    '.heading{font-size:12px;fill:#5f6673;letter-spacing:.04em}',
    '.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}',
    '.small{font-size:11.5px}',
    '.muted{fill:#5f6673;font-size:12px}',
    '.wire{fill:none;stroke:#868e96;stroke-width:1.5}',
    '.cloud{fill:#eef2ff;stroke:#bac8ff;stroke-dasharray:4 4}',
    '.tunnel{stroke:#3b5bdb;stroke-width:9;stroke-linecap:round;opacity:.22}',
    '.tunnel-core{stroke:#3b5bdb;stroke-width:2;stroke-dasharray:7 5}',
    '@media (prefers-color-scheme:dark){.bg{fill:#16181d}.node rect{fill:#1f232b;stroke:#748ffc}.lan rect{fill:#1b2419;stroke:#94d82d}text{fill:#e9ecef}.heading,.muted{fill:#a5acb8}.cloud{fill:#1c2233;stroke:#4c5b9c}.tunnel,.tunnel-core{stroke:#91a7ff}.wire{stroke:#6c737f}}',
  ].join('');

  const title = `${peer.name}: ${router.model} ⇄ ${target.label.en}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<style>${style}</style>`,
    `<rect class="bg" x="0" y="0" width="${width}" height="${height}" rx="10"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
