/**
 * A report as a real agency site publishes it: the article (renderHtml's body) inside ~100 KB of
 * CMS page — metadata and stylesheets in the head, a dozen inline scripts (jQuery plugins,
 * statistics, share buttons, with markup inside script strings), a three-level navigation menu,
 * a sidebar of links, related articles, and a footer of link lists, 网站标识码 and ICP numbers.
 * Deterministic per `seed`, so two runs read the same bytes.
 */

const MENU = ['首页', '政务公开', '政务服务', '互动交流', '走进本市', '专题专栏', '数据开放', '政策文件'];
const ITEMS = [
  '机构职能',
  '领导信息',
  '政策解读',
  '规划计划',
  '财政资金',
  '人事信息',
  '应急管理',
  '统计信息',
  '建议提案办理',
  '重大项目',
];

function menu(seed: number): string {
  let html = '<nav class="mainnav"><ul class="nav-level1">';
  MENU.forEach((top, i) => {
    html += `<li class="nav-item${i === 0 ? ' on' : ''}"><a href="/col/col${seed + i}/index.html" target="_self" title="${top}">${top}</a><div class="subnav"><ul class="nav-level2">`;
    ITEMS.forEach((item, j) => {
      html += `<li><a href="/col/col${1000 + i * 10 + j}/index.html" title="${item}">${item}</a><ul class="nav-level3">`;
      for (let k = 0; k < 3; k += 1)
        html += `<li><a href="/art/${2024 - k}/${j + 1}/${k + 1}/art_${i}${j}${k}_${seed}.html" target="_blank">${item}（${k + 1}）</a></li>`;
      html += '</ul></li>';
    });
    html += '</ul></div></li>';
  });
  return `${html}</ul></nav>`;
}

function script(seed: number, n: number): string {
  const lines: string[] = [`<script type="text/javascript">`, `/* cms-widget-${n} build ${seed} */`];
  lines.push(
    `(function ($, window, undefined) { 'use strict'; var cfg${n} = { id: 'w${seed}${n}', delay: ${200 + n}, items: [] };`,
  );
  for (let i = 0; i < 14; i += 1) {
    lines.push(
      `  function render${n}_${i}(data) { var html = '<div class="item-${i}"><a href="' + data.url + '">' + data.title + '</a><span>' + data.date + '</span></div>'; if (data.items && data.items.length > ${i}) { for (var k = 0; k < data.items.length; k++) { html += '<li>' + data.items[k] + '</li>'; } } return html.replace(/<\\/?script>/g, ''); }`,
    );
  }
  lines.push(
    `  $(document).ready(function () { $('.tab-${n} li').hover(function () { $(this).addClass('on').siblings().removeClass('on'); }); if (window.innerWidth < 768 && document.body.clientWidth > 0) { $('.subnav').hide(); } });`,
    `})(window.jQuery, window);`,
    '</script>',
  );
  return lines.join('\n');
}

function style(seed: number): string {
  let css = '<style type="text/css">\n';
  for (let i = 0; i < 60; i += 1)
    css += `.mod-${seed % 7}-${i} .hd h3 a:hover, .list-${i} li > a[title] { color: #${((i * 4243) & 0xffffff).toString(16).padStart(6, '0')}; padding: ${i % 9}px ${i % 5}px; background: url(/images/bg_${i}.png) no-repeat right center; }\n`;
  return `${css}</style>`;
}

function linkList(cls: string, title: string, count: number, seed: number): string {
  let html = `<div class="${cls}"><div class="hd"><h3>${title}</h3><a class="more" href="/col/more${seed}.html">更多&gt;&gt;</a></div><ul>`;
  for (let i = 0; i < count; i += 1)
    html += `<li><span class="date">2024-0${(i % 9) + 1}-${String((i % 27) + 1).padStart(2, '0')}</span><a href="/art/2024/${i}/art_${seed}_${i}.html" title="关于印发${ITEMS[i % ITEMS.length]}工作方案的通知">关于印发${ITEMS[i % ITEMS.length]}工作方案的通知</a></li>`;
  return `${html}</ul></div>`;
}

/** `report` is a whole page of renderHtml output; its <body> content becomes the article. */
export function realSizePage(report: string, seed: number, publishedOn: string): string {
  const title = /<title>([^<]*)<\/title>/.exec(report)?.[1] ?? '';
  const body = report.slice(report.indexOf('<body>') + 6, report.lastIndexOf('</body>'));
  const scripts = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => script(seed, from + i)).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="SiteName" content="某某市人民政府">
<meta name="SiteDomain" content="www.example.gov.cn">
<meta name="SiteIDCode" content="1301000${seed % 100}">
<meta name="ColumnName" content="政府信息公开年度报告">
<meta name="ArticleTitle" content="${title}">
<meta name="PubDate" content="${publishedOn} 09:30">
<meta name="ContentSource" content="某某市人民政府办公室">
<meta name="Keywords" content="政府信息公开,年度报告">
<title>${title}_某某市人民政府</title>
<link rel="stylesheet" href="/css/common.css?v=${seed}">
<link rel="stylesheet" href="/css/article.css?v=${seed}">
${style(seed)}
${scripts(0, 3)}
</head>
<body>
<div class="topbar"><div class="w1200"><span>欢迎访问某某市人民政府门户网站</span><a href="/wza/index.html">无障碍</a><a href="/en/index.html">English</a><a href="javascript:void(0)" onclick="SetHome(this,window.location)">设为首页</a></div></div>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="某某市人民政府"></div><form class="search" action="/search" method="get"><input type="text" name="q" placeholder="请输入关键字"><select name="scope"><option>全站</option><option>政策文件</option><option>政务公开</option></select><button type="submit">搜索</button></form></div>
${menu(seed)}
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/col/col${seed}/index.html">政务公开</a> &gt; <a href="/col/col${seed + 1}/index.html">政府信息公开年度报告</a></div>
<div class="main w1200">
<div class="sidebar">${linkList('side-news', '热点关注', 25, seed)}${linkList('side-policy', '政策解读', 20, seed + 1)}</div>
<div class="content">
<div class="article-info"><span>发布时间：${publishedOn}</span><span>来源：某某市人民政府办公室</span><span>浏览次数：<script>document.write(Math.floor(${seed} * 13 % 997))</script></span><span class="font">字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span></div>
<div id="zoom" class="article-body">
${body}
</div>
<div class="share" style="display:none"><span>分享到：</span><a class="wx" href="javascript:void(0)">微信</a><a class="wb" href="javascript:void(0)">微博</a></div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
${linkList('related', '相关文章', 15, seed + 2)}
</div>
</div>
<div class="footer"><div class="links">${linkList('gov-links', '政府网站', 30, seed + 3)}</div>
<p>主办单位：某某市人民政府办公室 承办单位：某某市大数据中心</p>
<p>网站标识码：1301000${seed % 100} <a href="https://beian.miit.gov.cn/">冀ICP备05000${seed % 1000}号</a> 冀公网安备 13010202000${seed % 1000}号</p>
</div>
${scripts(3, 5)}
</body>
</html>
`;
}
