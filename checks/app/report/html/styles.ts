/**
 * The report's stylesheet: calm by design — colour only where something is wrong (open findings,
 * non-compliant controls, capacity over its limit, late waves), compliant rows muted; readable on
 * a phone (tables scroll in their own box); printed on A4 with a running header and page numbers.
 */

/** A CSS string literal: every character outside letters, digits, CJK and space as a CSS escape. */
export function cssString(s: string): string {
  return `"${s.replace(/[^\p{L}\p{N} ]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

const SCREEN = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:76rem;padding:1rem;color:#1f2328;line-height:1.45;font-size:15px;overflow-wrap:break-word}
h1{font-size:1.5rem;margin:.4rem 0}h2{font-size:1.2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.02rem;margin:1.2rem 0 .4rem}
a{color:#0b5cad}
.en{color:#59636e}
.muted,.muted td{color:#6e7781}
code{font-family:ui-monospace,"Noto Sans Mono CJK SC",monospace;font-size:.86em}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;margin:.4rem 0}
th,td{border-bottom:1px solid #e4e8ec;padding:.28rem .45rem;text-align:left;vertical-align:top;font-size:.88rem}
th{background:#f6f8fa;font-weight:600;border-bottom:1px solid #d0d7de}
.nowrap{white-space:nowrap}td.sys{min-width:8.5rem}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.kv th{width:13rem}
.verdict{font-size:1.15rem;font-weight:700;padding:.5rem .7rem;border-radius:4px;border:1px solid #d0d7de}
.verdict.fail{border-color:#cf222e;color:#a40e26;background:#fff5f5}
.sev{display:inline-block;padding:0 .35rem;border-radius:3px;font-size:.8rem;font-weight:600;white-space:nowrap}
.sev.critical{background:#a40e26;color:#fff}.sev.high{background:#cf222e;color:#fff}.sev.medium{background:#f4d35e;color:#1f2328}.sev.low{background:#ddf4ff;color:#0b3a66}.sev.info{background:#eaeef2;color:#1f2328}
.bad{color:#a40e26;font-weight:600}.warn{color:#8a5a00;font-weight:600}
tr.open td{background:#fffafa}
.toc{columns:2 18rem;padding-left:1.2rem;margin:.3rem 0}.toc li{break-inside:avoid}
.rule{border-left:3px solid #cf222e;padding:.1rem 0 .1rem .7rem;margin:1rem 0}.rule.medium,.rule.low,.rule.info{border-left-color:#d4a72c}
.fix{background:#f6f8fa;padding:.35rem .55rem;border-radius:4px;font-size:.9rem}
svg{max-width:100%;height:auto;display:block}
svg text{font-family:system-ui,"Noto Sans CJK SC",sans-serif}
.bars{display:grid;grid-template-columns:repeat(3,1fr);gap:2px;min-width:5.5rem}
.bar{position:relative;height:.55rem;background:#eaeef2;border-radius:2px}
.bar i{position:absolute;left:0;top:0;bottom:0;background:#8c959f;border-radius:2px}
.bar.over i{background:#cf222e}.bar b{position:absolute;top:-2px;bottom:-2px;width:1px;background:#1f2328}
.pct{font-size:.72rem;color:#6e7781;white-space:nowrap}.pct.over{color:#a40e26;font-weight:600}
details{margin:.15rem 0}summary{cursor:pointer}
.sign{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:1rem 2rem;margin-top:.6rem}
.sign div{border-bottom:1px solid #1f2328;padding-top:1.8rem;font-size:.85rem;color:#59636e}
.legend{font-size:.85rem;color:#59636e}
@media (max-width:600px){body{padding:.6rem;font-size:14px}th,td{padding:.22rem .3rem}.kv th{width:auto}.scroll>table{min-width:34rem}.scroll>table.kv{min-width:0}}
`;

function print(runningHeader: string): string {
  return `
@page{size:A4;margin:16mm 11mm 15mm;@top-left{content:${cssString(runningHeader)};font-size:8pt;color:#59636e}@bottom-right{content:"第 " counter(page) " / " counter(pages) " 页  page " counter(page) " of " counter(pages);font-size:8pt;color:#59636e}}
@media print{
body{max-width:none;padding:0;font-size:9.5pt;line-height:1.3}
h2{break-after:avoid;margin-top:1.1rem}h3{break-after:avoid}
th,td{font-size:8pt;padding:.12rem .3rem}
tr{break-inside:avoid}.scroll{overflow:visible}
a{color:inherit;text-decoration:none}
.noprint{display:none}
section{break-inside:auto}
.topology{break-inside:avoid}
}`;
}

export function stylesheet(runningHeader: string): string {
  return SCREEN + print(runningHeader);
}
