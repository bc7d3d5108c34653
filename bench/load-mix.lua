-- A mixed reader workload for wrk, used by bench/load.sh:
--   wrk -t2 -c64 -d60s -s bench/load-mix.lua http://127.0.0.1:PORT -- TERMS_FILE [ONLY] [classes]
--
-- TERMS_FILE has one published term a line, "slug<TAB>title" (load.sh takes them from the A-Z
-- index's pages). Each request is drawn at random:
--   55 % a term page            GET  /glossary/{slug}, any of the terms
--   10 % the A-Z index          GET  /glossary (a quarter of them), or a page of a letter,
--                                    /glossary/letter/{letter}[/{page}], any of them (a term's
--                                    first letter, and a page of that letter's; pages of 400)
--   15 % a search results page  GET  /search?q=... (a title, one of its words, a misspelt word,
--                                    two words of different titles, or a word no term has)
--   15 % suggestions            GET  /api/v1/search/suggest?q=... (2-7 letters of a title, a
--                                    quarter of them with two letters swapped)
--    5 % a vote                 POST /glossary/{slug}/vote, helpful=yes, as the page's own form
-- ONLY (term, az, search, suggest or vote, or several of them separated by commas) sends those
-- kinds alone, in the same proportions to one another, to find which one is slow; "all" or
-- nothing sends the whole mix. An ONLY that starts with "/" is one address, asked for every time
-- (bench/run.sh's cases of one page).
--
-- Every request says "Accept-Encoding: gzip, deflate, br, zstd", as browsers do.
--
-- Errors: wrk itself counts every answer of 400 or more (summary.errors.status), which is every
-- answer other than 2xx and 3xx, and the socket errors. With "classes" a response() callback also
-- counts the answers by class (2xx, 3xx, 4xx, 5xx). That costs wrk dearly on a large page: to
-- hand a body to Lua, wrk gathers it in a buffer it grows 1 KB at a time, and the 9.5 MB A-Z page
-- then made wrk the bottleneck (alone at 64 connections, 15 A-Z pages a second against 67 without
-- the callback). So it is off unless asked for.
--
-- done() prints the figures load.sh reads, one "name value" a line after "== load-mix ==".

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local terms = {}
local only = nil
local fixed_path = nil
-- Terms under each letter of the A-Z index, for its pages; a title not starting with a-z files under "0-9".
local letter_counts = {}
-- Glossary:ListPageSize, the site's default.
local list_page_size = 400
-- Globals, so that done() can read each thread's counts with thread:get().
status_2xx, status_3xx, status_4xx, status_5xx, status_other = 0, 0, 0, 0, 0

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read the terms file " .. tostring(args[1]))
  for line in file:lines() do
    local slug, title = line:match("^([^\t]+)\t(.+)$")
    if slug then
      table.insert(terms, { slug = slug, title = title:lower() })
      local letter = title:sub(1, 1):lower()
      if not letter:match("%l") then
        letter = "0-9"
      end
      letter_counts[letter] = (letter_counts[letter] or 0) + 1
    end
  end
  file:close()
  assert(#terms > 0, "no terms in " .. args[1])
  if args[2] and args[2]:sub(1, 1) == "/" then
    fixed_path = args[2]
  elseif args[2] and args[2] ~= "" and args[2] ~= "all" then
    only = {}
    for one in args[2]:gmatch("[^,]+") do
      only[one] = true
    end
  end
  -- wrk looks for a response() function once init() has run, and calls it only when there is one.
  if args[3] == "classes" then
    response = count_response
    counting_classes = true
  end
  -- As browsers ask: the site answers Brotli (pages, JSON) where it may.
  wrk.headers["Accept-Encoding"] = "gzip, deflate, br, zstd"
  -- Each thread draws its own sequence, the same from run to run.
  math.randomseed(1000 + id)
end

local function any_term()
  return terms[math.random(#terms)]
end

local function words_of(title)
  local words = {}
  for word in title:gmatch("%a+") do
    table.insert(words, word)
  end
  return words
end

-- Swaps two neighbouring letters (a common slip), or doubles one when the word is too short.
local function misspelt(word)
  if #word < 3 then
    return word .. word:sub(-1)
  end
  local at = math.random(1, #word - 1)
  return word:sub(1, at - 1) .. word:sub(at + 1, at + 1) .. word:sub(at, at) .. word:sub(at + 2)
end

local function encoded(text)
  return (text:gsub("[^%w%-_.~]", function(char)
    if char == " " then
      return "+"
    end
    return string.format("%%%02X", string.byte(char))
  end))
end

local absent = { "insurance", "deductible", "premium", "overdraft", "arbitration", "copayment", "qqqqzz", "xylophone" }

local function search_query()
  local roll = math.random(100)
  local words = words_of(any_term().title)
  if roll <= 30 then
    return table.concat(words, " ")                              -- a whole title
  elseif roll <= 50 then
    return words[math.random(#words)]                            -- one of its words
  elseif roll <= 80 then
    return misspelt(words[math.random(#words)])                  -- that word misspelt
  elseif roll <= 90 then
    local other = words_of(any_term().title)
    return words[math.random(#words)] .. " " .. other[math.random(#other)]
  else
    return absent[math.random(#absent)]                          -- nothing has it
  end
end

local function suggest_prefix()
  local title = any_term().title
  local prefix = title:sub(1, math.min(#title, math.random(2, 7)))
  if math.random(4) == 1 and #prefix >= 4 then
    prefix = misspelt(prefix)
  end
  return prefix
end

-- A page of the A-Z index: the landing page, or a page of the letter of a term drawn at random
-- (so letters come as often as they have terms).
local function a_to_z_page()
  if math.random(4) == 1 then
    return "/glossary"
  end
  local letter = any_term().title:sub(1, 1)
  if not letter:match("%l") then
    letter = "0-9"
  end
  local page = math.random(math.ceil(letter_counts[letter] / list_page_size))
  return "/glossary/letter/" .. letter .. (page > 1 and ("/" .. page) or "")
end

local vote_headers = {
  ["Content-Type"] = "application/x-www-form-urlencoded",
  ["Sec-Fetch-Site"] = "same-origin",
}

local function drawn()
  local roll = math.random(100)
  if roll <= 55 then
    return "term"
  elseif roll <= 65 then
    return "az"
  elseif roll <= 80 then
    return "search"
  elseif roll <= 95 then
    return "suggest"
  else
    return "vote"
  end
end

local function kind()
  local what = drawn()
  while only and not only[what] do
    what = drawn()
  end
  return what
end

function request()
  if fixed_path then
    return wrk.format("GET", fixed_path)
  end
  local what = kind()
  if what == "term" then
    return wrk.format("GET", "/glossary/" .. any_term().slug)
  elseif what == "az" then
    return wrk.format("GET", a_to_z_page())
  elseif what == "search" then
    return wrk.format("GET", "/search?q=" .. encoded(search_query()))
  elseif what == "suggest" then
    return wrk.format("GET", "/api/v1/search/suggest?q=" .. encoded(suggest_prefix()))
  elseif what == "vote" then
    return wrk.format("POST", "/glossary/" .. any_term().slug .. "/vote", vote_headers, "helpful=yes")
  end
  error("unknown request kind " .. tostring(what))
end

function count_response(status, headers, body)
  if status >= 200 and status < 300 then
    status_2xx = status_2xx + 1
  elseif status >= 300 and status < 400 then
    status_3xx = status_3xx + 1
  elseif status >= 400 and status < 500 then
    status_4xx = status_4xx + 1
  elseif status >= 500 and status < 600 then
    status_5xx = status_5xx + 1
  else
    status_other = status_other + 1
  end
end

function done(summary, latency, requests)
  local counts = { ["2xx"] = 0, ["3xx"] = 0, ["4xx"] = 0, ["5xx"] = 0, other = 0 }
  local classes = false
  for _, thread in ipairs(threads) do
    classes = classes or thread:get("counting_classes") == true
    counts["2xx"] = counts["2xx"] + thread:get("status_2xx")
    counts["3xx"] = counts["3xx"] + thread:get("status_3xx")
    counts["4xx"] = counts["4xx"] + thread:get("status_4xx")
    counts["5xx"] = counts["5xx"] + thread:get("status_5xx")
    counts.other = counts.other + thread:get("status_other")
  end
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  local function ms(microseconds)
    return string.format("%.2f", microseconds / 1000)
  end
  io.write("== load-mix ==\n")
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("seconds %.2f\n", seconds))
  io.write(string.format("requests_per_second %.1f\n", summary.requests / seconds))
  io.write(string.format("megabytes_per_second %.1f\n", summary.bytes / seconds / 1048576))
  io.write("p50_ms " .. ms(latency:percentile(50)) .. "\n")
  io.write("p90_ms " .. ms(latency:percentile(90)) .. "\n")
  io.write("p95_ms " .. ms(latency:percentile(95)) .. "\n")
  io.write("p99_ms " .. ms(latency:percentile(99)) .. "\n")
  io.write("max_ms " .. ms(latency.max) .. "\n")
  io.write("mean_ms " .. ms(latency.mean) .. "\n")
  if classes then
    for _, class in ipairs({ "2xx", "3xx", "4xx", "5xx", "other" }) do
      io.write(string.format("status_%s %d\n", class, counts[class]))
    end
  end
  -- wrk's own count: every answer with a status of 400 or more.
  io.write(string.format("not_2xx_3xx %d\n", errors.status))
  io.write(string.format("socket_connect %d\nsocket_read %d\nsocket_write %d\nsocket_timeout %d\n",
    errors.connect, errors.read, errors.write, errors.timeout))
  io.write(string.format("socket_errors %d\n", errors.connect + errors.read + errors.write + errors.timeout))
end
