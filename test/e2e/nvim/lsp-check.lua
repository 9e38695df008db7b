-- Neovim (0.7+) as a second LSP client of the GovReport server, headless. Reads a spec written by
-- test/e2e/nvim/run.mjs (seed copies, expected diagnostics, and the CLI's ranges, texts and fixes as oracle).
-- Usage: GOVREPORT_NVIM_SPEC=spec.json nvim --headless --clean -c "luafile lsp-check.lua"
-- Prints "ok - …" / "not ok - …" per check; exits 0 only when every check passed.
local function out(s) io.stdout:write(s .. '\n') end
local passed, failed = 0, 0
local function check(name, cond, info)
  if cond then passed = passed + 1; out('ok - nvim: ' .. name)
  else failed = failed + 1; out('not ok - nvim: ' .. name .. (info and ('  -- ' .. tostring(info)) or '')) end
end
local function readfile(p) local f = assert(io.open(p, 'rb')); local s = f:read('*a'); f:close(); return s end
local spec = vim.json.decode(readfile(assert(os.getenv('GOVREPORT_NVIM_SPEC'), 'GOVREPORT_NVIM_SPEC not set')))
local TIMEOUT = 20000
local raw = {}      -- uri -> LSP diagnostics as pushed (0.7 keeps no LSP range in vim.diagnostic)
local client, enc

local function sorted_pairs(diags)
  local l = {}
  for _, d in ipairs(diags or {}) do table.insert(l, string.format('%s@%d', tostring(d.code), d.range.start.line + 1)) end
  table.sort(l); return table.concat(l, ' ')
end
local function expected_pairs(list)
  local l = {}
  for _, e in ipairs(list) do table.insert(l, string.format('%s@%d', e[1], e[2])) end
  table.sort(l); return table.concat(l, ' ')
end
-- Byte column in `line` of an LSP character offset in the client's position encoding.
local function bytecol(line, character)
  if enc == 'utf-8' then return character end
  local ok, b = pcall(vim.str_byteindex, line, character, enc == 'utf-16')
  return ok and b or nil
end
local function text_under(bufnr, range)
  local lines = vim.api.nvim_buf_get_lines(bufnr, range.start.line, range['end'].line + 1, false)
  if #lines == 0 then return nil end
  local s = bytecol(lines[1], range.start.character)
  local e = bytecol(lines[#lines], range['end'].character)
  if not s or not e then return nil end
  if #lines == 1 then return lines[1]:sub(s + 1, e) end
  local parts = { lines[1]:sub(s + 1) }
  for i = 2, #lines - 1 do table.insert(parts, lines[i]) end
  table.insert(parts, lines[#lines]:sub(1, e))
  return table.concat(parts, '\n')
end
local function buf_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end
local function strip_eol(s) return (s:gsub('\n$', '')) end
local function wait_diags(uri, want, ms)
  vim.wait(ms or TIMEOUT, function() return raw[uri] ~= nil and sorted_pairs(raw[uri]) == want end, 20)
  return sorted_pairs(raw[uri])
end

local ok, err = pcall(function()
  client = vim.lsp.get_client_by_id(assert(vim.lsp.start_client({
    name = 'govreport', cmd = spec.cmd, root_dir = spec.workspace,
    handlers = { ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
      raw[result.uri] = result.diagnostics
      return vim.lsp.diagnostic.on_publish_diagnostics(e, result, ctx, config)
    end },
    on_exit = function(code, signal) if code ~= 0 and code ~= nil then out('# server exited ' .. tostring(code) .. ' ' .. tostring(signal)) end end,
  }), 'start_client failed'))
  local bufs = {}
  for _, s in ipairs(spec.seeds) do
    vim.cmd('edit ' .. vim.fn.fnameescape(s.path))
    local b = vim.api.nvim_get_current_buf()
    vim.bo[b].filetype = 'govreport'
    vim.lsp.buf_attach_client(b, client.id)
    bufs[s.name] = b
  end
  check('initialize', vim.wait(TIMEOUT, function() return client.initialized end, 20))
  enc = client.offset_encoding or 'utf-16'
  out('# offset encoding ' .. enc)

  for _, s in ipairs(spec.seeds) do
    local b = bufs[s.name]; local uri = vim.uri_from_bufnr(b)
    local want = expected_pairs(s.expected)
    local got = wait_diags(uri, want)
    check(s.name .. ' diagnostics (codes, lines)', got == want, 'got [' .. got .. '] want [' .. want .. ']')
    -- ranges: text under each range, converted with the client's encoding, is the text the CLI (UTF-16 in JS) names
    local bad, nvimcol = {}, {}
    local shown = vim.diagnostic.get(b)
    for _, f in ipairs(s.findings) do
      local d
      for _, x in ipairs(raw[uri] or {}) do
        if x.code == f.code and x.range.start.line == f.range.start.line then d = x end
      end
      if not d then table.insert(bad, f.code .. ': not pushed')
      else
        local t = text_under(b, d.range)
        if t ~= f.text then table.insert(bad, string.format('%s@%d: %q ~= %q', f.code, f.range.start.line + 1, tostring(t), f.text)) end
        local line = vim.api.nvim_buf_get_lines(b, d.range.start.line, d.range.start.line + 1, false)[1]
        local want_col = bytecol(line, d.range.start.character)
        local match = false
        for _, v in ipairs(shown) do
          if v.lnum == d.range.start.line and v.col == want_col then match = true end
        end
        if not match then table.insert(nvimcol, string.format('%s@%d col %s', f.code, f.range.start.line + 1, tostring(want_col))) end
      end
    end
    check(s.name .. ' ranges land on the right characters', #bad == 0, table.concat(bad, '; '))
    check(s.name .. ' vim.diagnostic byte columns', #nvimcol == 0, 'no diagnostic at ' .. table.concat(nvimcol, '; '))

    -- document symbols: the sections present, in order, with their titles; tables as children
    local res = vim.lsp.buf_request_sync(b, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, TIMEOUT)
    local syms = {}
    for _, r in pairs(res or {}) do syms = r.result or syms end
    local names, wantn = {}, {}
    for _, x in ipairs(syms) do table.insert(names, x.name) end
    for _, sec in ipairs(s.sections) do table.insert(wantn, spec.numerals[sec.number] .. '、' .. sec.title) end
    check(s.name .. ' document symbols', table.concat(names, ' | ') == table.concat(wantn, ' | '),
      'got [' .. table.concat(names, ' | ') .. '] want [' .. table.concat(wantn, ' | ') .. ']')
    local tables = 0
    for _, x in ipairs(syms) do for _, c in ipairs(x.children or {}) do if c.kind == 23 then tables = tables + 1 end end end
    check(s.name .. ' tables as children of sections', tables == s.tables, tables .. ' table symbols, want ' .. s.tables)
  end

  -- quick fixes: the preferred action's edit applied by Neovim gives exactly the text the CLI's fix gives
  for _, f in ipairs(spec.fixes) do
    local b = bufs[f.name]; local uri = vim.uri_from_bufnr(b)
    local d
    for _, x in ipairs(raw[uri] or {}) do if x.code == f.code and x.range.start.line + 1 == f.line then d = x end end
    local action
    if d then
      local res = vim.lsp.buf_request_sync(b, 'textDocument/codeAction', { textDocument = { uri = uri }, range = d.range,
        context = { diagnostics = { d }, only = { 'quickfix' } } }, TIMEOUT)
      for _, r in pairs(res or {}) do for _, a in ipairs(r.result or {}) do
        if a.isPreferred and a.diagnostics and a.diagnostics[1] and a.diagnostics[1].code == f.code then action = action or a end
      end end
    end
    check(f.name .. ' code action for ' .. f.code .. '@' .. f.line, action ~= nil and action.edit ~= nil, d and 'none offered' or 'diagnostic not pushed')
    if action and action.edit then
      vim.lsp.util.apply_workspace_edit(action.edit, enc)
      check(f.name .. ' fix ' .. f.code .. ' gives the expected text', strip_eol(buf_text(b)) == strip_eol(f.after), 'buffer differs from the expected text')
      local want = expected_pairs(f.remaining)
      local got = wait_diags(uri, want)
      check(f.name .. ' diagnostics after the fix', got == want, 'got [' .. got .. '] want [' .. want .. ']')
    end
  end

  -- typing: a wrong number in a table cell gives a sum finding on that cell; undo removes it
  local ty = spec.typing
  local b = bufs[ty.name]; local uri = vim.uri_from_bufnr(b)
  local line = vim.api.nvim_buf_get_lines(b, ty.line, ty.line + 1, false)[1]
  check('typing: cell found', line:sub(1, #ty.prefix) == ty.prefix, line)
  vim.api.nvim_buf_set_text(b, ty.line, #ty.prefix, ty.line, #ty.prefix + #ty.old, { ty.new })
  local sum
  vim.wait(TIMEOUT, function()
    for _, x in ipairs(raw[uri] or {}) do if tostring(x.code):match('^sum%-') and x.range.start.line == ty.line then sum = x end end
    return sum ~= nil end, 20)
  check('typing: sum finding appears', sum ~= nil, sorted_pairs(raw[uri]))
  if sum then
    check('typing: finding is on the typed cell', text_under(b, sum.range) == ty.new and bytecol(line, sum.range.start.character) == #ty.prefix,
      string.format('%q at byte %s', tostring(text_under(b, sum.range)), tostring(bytecol(line, sum.range.start.character))))
  end
  vim.api.nvim_buf_call(b, function() vim.cmd('silent undo') end)
  local want = expected_pairs(ty.expected)
  local got = wait_diags(uri, want)
  check('typing: undo removes it', got == want and vim.api.nvim_buf_get_lines(b, ty.line, ty.line + 1, false)[1] == line, 'got [' .. got .. ']')
  client.stop()
end)
if not ok then failed = failed + 1; out('not ok - nvim: exception  -- ' .. tostring(err)) end
out(string.format('nvim: %d passed, %d failed', passed, failed))
vim.cmd(failed == 0 and 'qall!' or 'cquit! 1')
