// A stand-in for the 'vscode' module, so the extension bundle (dist/client.js) can be loaded and activated in
// plain Node. The parts the extension and vscode-languageclient read at start-up have plain, inert values
// (no documents, no editors, default settings); anything else is a "universal" stub: callable,
// constructible, extendable, and every property of it is another such stub. Events return disposables.
'use strict';

const disposable = () => ({ dispose() {} });
const cache = new Map();

/** A callable, constructible, extendable object whose every property is another stub. */
function universal(name) {
  if (cache.has(name)) return cache.get(name);
  const store = new Map();
  const target = function () {};
  const proxy = new Proxy(target, {
    get(t, key) {
      if (key === 'prototype') return t.prototype;
      if (key === 'then') return undefined; // not a thenable
      if (key === Symbol.toPrimitive) return () => name;
      if (key === Symbol.iterator) return function* () {};
      if (key === 'toString' || key === 'toJSON') return () => name;
      if (typeof key === 'symbol') return undefined;
      if (store.has(key)) return store.get(key);
      if (/^onDid|^onWill/.test(key)) return () => disposable();
      if (key === 'dispose') return () => undefined;
      return universal(`${name}.${key}`);
    },
    set(_t, key, value) {
      store.set(key, value);
      return true;
    },
    apply() {
      return universal(`${name}()`);
    },
    construct() {
      return universal(`new ${name}`);
    },
  });
  cache.set(name, proxy);
  return proxy;
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (l) => {
      this.listeners.add(l);
      return { dispose: () => this.listeners.delete(l) };
    };
  }
  fire(e) {
    for (const l of this.listeners) l(e);
  }
  dispose() {
    this.listeners.clear();
  }
}

class Disposable {
  constructor(fn) {
    this.fn = fn;
  }
  static from(...ds) {
    return new Disposable(() => ds.forEach((d) => d?.dispose?.()));
  }
  dispose() {
    this.fn?.();
  }
}

function uri(fsPath, scheme = 'file') {
  return {
    scheme, fsPath, path: fsPath, authority: '', query: '', fragment: '',
    toString: () => `${scheme}://${fsPath}`,
    with: (c) => uri(c.path ?? fsPath, c.scheme ?? scheme),
  };
}
const Uri = {
  file: (p) => uri(p),
  parse: (s) => uri(s.replace(/^\w+:\/\//, ''), /^(\w+):/.exec(s)?.[1] ?? 'file'),
  joinPath: (base, ...parts) => uri([base.fsPath, ...parts].join('/')),
  from: (c) => uri(c.path, c.scheme),
};

class Range {
  constructor(a, b, c, d) {
    this.start = typeof a === 'number' ? { line: a, character: b } : a;
    this.end = typeof a === 'number' ? { line: c, character: d } : b;
  }
}

class CodeActionKind {
  constructor(value) {
    this.value = value;
  }
  append(part) {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other) {
    return this.value === other.value || other.value.startsWith(`${this.value}.`);
  }
  intersects(other) {
    return this.contains(other) || other.contains(this);
  }
}
CodeActionKind.Empty = new CodeActionKind('');
for (const [k, v] of Object.entries({ QuickFix: 'quickfix', Refactor: 'refactor', RefactorExtract: 'refactor.extract', RefactorInline: 'refactor.inline', RefactorMove: 'refactor.move', RefactorRewrite: 'refactor.rewrite', Source: 'source', SourceOrganizeImports: 'source.organizeImports', SourceFixAll: 'source.fixAll', Notebook: 'notebook' })) CodeActionKind[k] = new CodeActionKind(v);

const outputChannel = (name) => ({
  name, append() {}, appendLine() {}, replace() {}, clear() {}, show() {}, hide() {}, dispose() {},
  trace() {}, debug() {}, info() {}, warn() {}, error() {}, logLevel: 2, onDidChangeLogLevel: () => disposable(),
});

const configuration = () => ({ get: (_k, d) => d, has: () => false, inspect: () => undefined, update: async () => undefined });

const calls = { registerCommand: 0, createOutputChannel: 0, createStatusBarItem: 0, registerProvider: 0 };

const explicit = {
  __esModule: true, // __importStar hands back this very object instead of copying its (unknowable) keys
  version: '1.91.0',
  env: { language: 'zh-cn', appName: 'bench', appRoot: '/tmp', uriScheme: 'vscode', machineId: 'bench', sessionId: 'bench', uiKind: 1, remoteName: undefined, shell: '/bin/sh', clipboard: { readText: async () => '', writeText: async () => undefined }, openExternal: async () => true },
  Uri, Range, EventEmitter, Disposable, CodeActionKind,
  Position: class Position { constructor(line, character) { this.line = line; this.character = character; } },
  Selection: class Selection extends Range {},
  MarkdownString: class MarkdownString { constructor(value = '') { this.value = value; } appendMarkdown(s) { this.value += s; return this; } appendText(s) { this.value += s; return this; } },
  ThemeColor: class ThemeColor { constructor(id) { this.id = id; } },
  StatusBarAlignment: { Left: 1, Right: 2 },
  FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  DecorationRangeBehavior: { OpenOpen: 0, ClosedClosed: 1, OpenClosed: 2, ClosedOpen: 3 },
  l10n: { t: (s) => (typeof s === 'string' ? s : s.message), bundle: undefined, uri: undefined },
  window: {
    activeTextEditor: undefined,
    visibleTextEditors: [],
    tabGroups: { all: [], onDidChangeTabs: () => disposable(), onDidChangeTabGroups: () => disposable() },
    createOutputChannel: (name) => (calls.createOutputChannel++, outputChannel(name)),
    createStatusBarItem: () => (calls.createStatusBarItem++, { show() {}, hide() {}, dispose() {} }),
    showErrorMessage: async () => undefined,
    showWarningMessage: async () => undefined,
    showInformationMessage: async () => undefined,
    withProgress: async (_o, task) => task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: () => disposable() }),
    onDidChangeActiveTextEditor: () => disposable(),
    onDidChangeVisibleTextEditors: () => disposable(),
    onDidChangeTextEditorSelection: () => disposable(),
    onDidChangeWindowState: () => disposable(),
    state: { focused: true },
  },
  workspace: {
    textDocuments: [],
    notebookDocuments: [],
    workspaceFolders: undefined,
    name: undefined,
    isTrusted: true,
    getConfiguration: configuration,
    getWorkspaceFolder: () => undefined,
    asRelativePath: (p) => String(p),
    createFileSystemWatcher: () => ({ onDidCreate: () => disposable(), onDidChange: () => disposable(), onDidDelete: () => disposable(), dispose() {} }),
    fs: { readDirectory: async () => [], readFile: async () => new Uint8Array(), stat: async () => ({ type: 1 }) },
    registerTextDocumentContentProvider: () => disposable(),
  },
  languages: {
    getDiagnostics: () => [],
    createDiagnosticCollection: (name) => ({ name, set() {}, delete() {}, clear() {}, forEach() {}, get: () => [], has: () => false, dispose() {} }),
    match: () => 0,
    setTextDocumentLanguage: async (d) => d,
    onDidChangeDiagnostics: () => disposable(),
  },
  commands: {
    registerCommand: () => (calls.registerCommand++, disposable()),
    executeCommand: async () => undefined,
    getCommands: async () => [],
  },
  extensions: { getExtension: () => undefined, all: [], onDidChange: () => disposable() },
};

/** Namespaces: known members first, then universal stubs (registerXxxProvider and the like → disposables). */
function namespace(name, known) {
  return new Proxy(known, {
    get(t, key) {
      if (key in t) return t[key];
      if (typeof key === 'symbol' || key === 'then') return undefined;
      if (/^register/.test(key)) return () => (calls.registerProvider++, disposable());
      if (/^onDid|^onWill/.test(key)) return () => disposable();
      return universal(`vscode.${name}.${key}`);
    },
  });
}

for (const ns of ['window', 'workspace', 'languages', 'commands', 'extensions', 'env', 'l10n']) explicit[ns] = namespace(ns, explicit[ns]);

module.exports = new Proxy(explicit, {
  get(t, key) {
    if (key === '__benchCalls') return calls;
    if (key in t) return t[key];
    if (typeof key === 'symbol' || key === 'then' || key === 'default') return undefined;
    return universal(`vscode.${key}`);
  },
});
