// Generates, from the checks' metadata and the zod settings schema (one source each):
//   docs/checks/<code>.md and docs/checks/README.md   rule documentation
//   schemas/govreport.schema.json                      JSON schema of govreport.json
//   package.json contributes.configuration             the editor settings (+ their nls strings)
// Usage: node scripts/generate.mjs [--check]   (--check: fail when a generated file is out of date)
// Needs the compiled core in out/ (npx tsc -p .).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { ALL_META } = require(path.join(root, 'out/server/src/core/checks/registry.js'));
const { SETTINGS_DOCS, DEFAULT_SETTINGS } = require(path.join(root, 'out/server/src/core/settings.js'));
const { settingsSchema } = require(path.join(root, 'out/server/src/core/settings-schema.js'));
const { LEVELS, FIX_KIND_NAMES } = require(path.join(root, 'out/server/src/core/checks/types.js'));
const { z } = require('zod');

const check = process.argv.includes('--check');
const outputs = new Map(); // path -> content

/** What each kind of fix may do, per language: the rule of checks.md, "What a fix may do". */
const FIX_KINDS_DOC = {
  zh: `## 快速修复能做什么

年度报告是机关署名的事实陈述。检查器只整理格式，不替经办人编写内容。每个快速修复属于以下一种：

- **${FIX_KIND_NAMES.safe.zh}**（\`safe\`）：只改形式——序号、规范的标题或名称、删除转换遗留。从不增加、删除或改动数字和句子。只有这一种会进入“应用所有自动修复”、保存时修复（\`source.fixAll.govreport\`）和 \`govreport fix\`。
- **${FIX_KIND_NAMES.skeleton.zh}**（\`skeleton\`）：插入缺少的部分、表格、行或列，单元格标“/”待填写，文字是占位“（待填写：…）”。插入的内容在填写前一直被报告（\`table-cell-blank\`、\`placeholder-unfilled\`），报告不会因修复而“通过”。可单个应用或“本文档中所有同类问题”；保存时不应用。
- **${FIX_KIND_NAMES.suggestion.zh}**（\`suggestion\`）：检查器推断出的数字或事实（合计、填 0、正文数字、上年数值）。逐条提供，标题写明所断定的内容并注明“请核实”；不进入任何“全部修复”，保存时不应用；命令行只对 \`--suggestions\` 点名的检查项应用。
`,
  en: `## What a fix may do

A report is a statement of fact signed by an agency. The checker tidies its form and never makes up its content. Every quick fix is one of:

- **${FIX_KIND_NAMES.safe.en}** (\`safe\`): form only — a numeral, a canonical title or label, conversion debris removed. It never adds, removes or changes a number or a sentence. Only these go into "Apply all automatic fixes", fix on save (\`source.fixAll.govreport\`) and \`govreport fix\`.
- **${FIX_KIND_NAMES.skeleton.en}** (\`skeleton\`): a missing section, table, row or column, its cells marked "/" and its text a placeholder （待填写：…）. What it inserts stays reported (\`table-cell-blank\`, \`placeholder-unfilled\`) until filled in, so no report becomes clean by a fix. Offered one by one and as "all of this kind in the document"; never on save.
- **${FIX_KIND_NAMES.suggestion.en}** (\`suggestion\`): a number or a fact the checker inferred (a total, a 0 for a blank, a figure of the text, last year's value). Offered one at a time, titled with what it asserts and 请核实 (verify); never in a fix-all or on save; the CLI applies it only for the codes named with \`--suggestions\`.
`,
};

/** The words of a rule page, per language: one language per page. */
const PAGE = {
  zh: {
    severity: { error: '错误', warning: '警告', information: '提示', hint: '建议' },
    defaultSeverity: '默认级别', quickFix: '快速修复', none: '无',
    why: '为什么', example: '示例', fix: '如何修改', configure: '设置',
    kindsLink: '快速修复的种类见[快速修复能做什么](README.md#快速修复能做什么)。',
    configureText: '在报告所在文件夹（或上级文件夹）的 `govreport.json` 中，或在 VS Code 设置 `govreport.checks` 中调整级别或关闭：',
    disableText: '在报告中对某一处以下关闭：',
    other: (code) => `[English](en/${code}.md)`,
    indexTitle: '检查项',
    indexIntro: '每条提示都带有下列代码之一。代码是公开接口：可按代码调整级别或关闭。',
    indexHead: '| 代码 | 默认级别 | 快速修复 | 说明 |',
    indexOther: '[English](en/README.md)',
  },
  en: {
    severity: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
    defaultSeverity: 'Default severity', quickFix: 'Quick fix', none: 'none',
    why: 'Why', example: 'Example', fix: 'How to fix', configure: 'Configure',
    kindsLink: 'What each kind may do: [What a fix may do](README.md#what-a-fix-may-do).',
    configureText: 'Change the level or switch it off in a `govreport.json` next to (or above) the report, or in the VS Code setting `govreport.checks`:',
    disableText: 'Switch it off below a point in the report:',
    other: (code) => `[中文](../${code}.md)`,
    indexTitle: 'The checks',
    indexIntro: 'Every diagnostic carries one of these codes. The codes are a public interface: configure and silence them by code.',
    indexHead: '| code | default | fix | description |',
    indexOther: '[中文](../README.md)',
  },
};

/** The kinds of a check's fixes in one language: 自动修复：仅调整格式（safe）… */
function fixKinds(m, lang, sep = '<br>') {
  if (m.fixes.length === 0) return PAGE[lang].none;
  return m.fixes.map((k) => `${FIX_KIND_NAMES[k][lang]} (\`${k}\`)`).join(sep);
}

/** One check's page in one language (zh: docs/checks/<code>.md, en: docs/checks/en/<code>.md). */
function ruleDoc(m, lang) {
  const w = PAGE[lang];
  const fence = '```';
  return `<!-- Generated by scripts/generate.mjs from server/src/core/checks/rules/${m.code}.ts. Do not edit. -->
# \`${m.code}\` — ${m.description[lang]}

${w.other(m.code)}

| | |
|---|---|
| ${w.defaultSeverity} | ${w.severity[m.defaultSeverity]} (\`${m.defaultSeverity}\`) |
| ${w.quickFix} | ${fixKinds(m, lang)} |

## ${w.why}

${m.docs.why[lang]}

## ${w.example}

${fence}text
${m.docs.example}
${fence}

## ${w.fix}

${m.docs.fix[lang]}
${m.fixes.length ? `\n${w.kindsLink}\n` : ''}
## ${w.configure}

${w.configureText}

${fence}json
{ "checks": { "${m.code}": "${m.defaultSeverity === 'error' ? 'warning' : 'off'}" } }
${fence}

${w.disableText}

${fence}text
<!-- govreport-disable ${m.code} -->
（govreport-disable ${m.code}）
${fence}
`;
}

function rulesIndex(lang) {
  const w = PAGE[lang];
  const rows = ALL_META.map((m) => `| [\`${m.code}\`](${m.code}.md) | ${w.severity[m.defaultSeverity]} | ${fixKinds(m, lang, '、')} | ${m.description[lang]} |`);
  return `<!-- Generated by scripts/generate.mjs. Do not edit. -->
# ${w.indexTitle}

${w.indexOther}

${w.indexIntro}

${w.indexHead}
|---|---|---|---|
${rows.join('\n')}

${FIX_KINDS_DOC[lang]}`;
}

function configSchema() {
  const json = z.toJSONSchema(settingsSchema, { io: 'input' });
  const codes = ALL_META.map((m) => m.code);
  json.$schema = 'http://json-schema.org/draft-07/schema#';
  json.title = 'govreport.json';
  json.description = 'Settings for GovReport, the checker of 政府信息公开工作年度报告. Place it next to the reports or in a parent folder.';
  json.properties.$schema = { type: 'string' };
  json.properties.checks = {
    type: 'object',
    description: SETTINGS_DOCS.checks.en,
    properties: Object.fromEntries(codes.map((c) => [c, { enum: [...LEVELS], description: ALL_META.find((m) => m.code === c).description.en }])),
    additionalProperties: false,
  };
  for (const k of Object.keys(SETTINGS_DOCS)) if (json.properties[k] && k !== 'checks') json.properties[k].description = SETTINGS_DOCS[k].en;
  delete json.required;
  json.additionalProperties = false;
  // govreport.json is JSON with comments (contributes.languages maps it to jsonc); trailing commas are read too.
  json.allowComments = true;
  json.allowTrailingCommas = true;
  return JSON.stringify(json, null, 2) + '\n';
}

/** contributes.configuration for package.json, with %nls% keys. */
function configuration() {
  const codes = ALL_META.map((m) => m.code);
  const props = {
    'govreport.enable': { type: 'boolean', default: DEFAULT_SETTINGS.enable, description: '%config.enable%', scope: 'resource' },
    'govreport.locale': {
      type: 'string', enum: ['zh', 'en', 'auto'], enumDescriptions: ['%config.locale.zh%', '%config.locale.en%', '%config.locale.auto%'],
      default: DEFAULT_SETTINGS.locale, description: '%config.locale%', scope: 'window',
    },
    'govreport.checks': {
      type: 'object',
      default: {},
      markdownDescription: '%config.checks%',
      scope: 'resource',
      properties: Object.fromEntries(codes.map((c) => [c, { type: 'string', enum: [...LEVELS], description: ALL_META.find((m) => m.code === c).description.zh }])),
      additionalProperties: false,
    },
    'govreport.expectFormat': { type: 'string', enum: ['auto', '2021', '2019'], default: DEFAULT_SETTINGS.expectFormat, description: '%config.expectFormat%', scope: 'resource' },
    'govreport.maxFileSize': { type: 'number', minimum: 10000, maximum: 100000000, default: DEFAULT_SETTINGS.maxFileSize, description: '%config.maxFileSize%', scope: 'resource' },
    'govreport.inlineMessages': { type: 'boolean', default: false, description: '%config.inlineMessages%', scope: 'window' },
    'govreport.trace.server': { type: 'string', enum: ['off', 'messages', 'verbose'], default: 'off', description: '%config.trace%', scope: 'window' },
  };
  return { title: '%config.title%', properties: props };
}

const NLS = {
  en: {
    'config.title': 'GovReport (annual report checker)',
    'config.trace': 'Traces the communication between VS Code and the GovReport language server.',
    'config.inlineMessages': 'Show each finding\'s message at the end of its line in the editor (for those who do not open the Problems view).',
    'config.locale.zh': 'Chinese', 'config.locale.en': 'English', 'config.locale.auto': 'The editor\'s display language',
  },
  zh: {
    'config.title': '政府信息公开年报检查',
    'config.trace': '记录 VS Code 与语言服务器之间的通信。',
    'config.inlineMessages': '在编辑器中每个问题所在行的末尾显示提示文字（适合不常打开“问题”视图的用户）。',
    'config.locale.zh': '中文', 'config.locale.en': '英文', 'config.locale.auto': '跟随编辑器的显示语言',
  },
};
for (const [k, v] of Object.entries(SETTINGS_DOCS)) {
  NLS.en[`config.${k}`] = v.en;
  NLS.zh[`config.${k}`] = v.zh;
}

// docs, one language per page
for (const m of ALL_META) {
  outputs.set(`docs/checks/${m.code}.md`, ruleDoc(m, 'zh'));
  outputs.set(`docs/checks/en/${m.code}.md`, ruleDoc(m, 'en'));
}
outputs.set('docs/checks/README.md', rulesIndex('zh'));
outputs.set('docs/checks/en/README.md', rulesIndex('en'));
outputs.set('schemas/govreport.schema.json', configSchema());

// package.json and nls files: only our keys are touched.
const pkgPath = path.join(root, 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
pkg.contributes = pkg.contributes ?? {};
pkg.contributes.configuration = configuration();
pkg.contributes.jsonValidation = [{ fileMatch: 'govreport.json', url: './schemas/govreport.schema.json' }];
outputs.set('package.json', JSON.stringify(pkg, null, 2) + '\n');
// package.nls.json is what an editor in any language other than Chinese shows: Chinese first (the reports
// are Chinese, and so are their clerks), with the English beside it.
const both = (k) => `${NLS.zh[k]}（${NLS.en[k]}）`;
for (const [file, lang] of [['package.nls.json', 'en'], ['package.nls.zh-cn.json', 'zh']]) {
  const p = path.join(root, file);
  const nls = existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : {};
  for (const k of Object.keys(NLS[lang])) nls[k] = lang === 'en' ? both(k) : NLS.zh[k];
  outputs.set(file, JSON.stringify(nls, null, 2) + '\n');
}

let stale = [];
for (const [rel, content] of outputs) {
  const p = path.join(root, rel);
  const current = existsSync(p) ? readFileSync(p, 'utf8') : null;
  if (current === content) continue;
  if (check) stale.push(rel);
  else {
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
    console.log(`wrote ${rel}`);
  }
}
// Docs of codes that no longer exist.
for (const dir of ['docs/checks', 'docs/checks/en']) {
  if (!existsSync(path.join(root, dir))) continue;
  for (const f of readdirSync(path.join(root, dir))) if (f.endsWith('.md') && !outputs.has(`${dir}/${f}`)) stale.push(`${dir}/${f} (no such code)`);
}
if (check && stale.length) {
  console.error(`Generated files are out of date (run: npx tsc -p . && node scripts/generate.mjs):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
if (check) console.log(`generated files are current (${outputs.size} files)`);
