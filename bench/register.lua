-- wrk script: POST /api/complaints with a fresh call each time (own phone, own address, rotating district,
-- category and urgency), so duplicate detection reads short lists and every call becomes its own ticket.
-- Needs TOKEN (an OPERATOR's JWT) in the environment.
local token = os.getenv("TOKEN") or error("TOKEN is not set")
local districts = { "JIANGAN", "JIANGHAN", "QIAOKOU", "HANYANG", "WUCHANG", "QINGSHAN", "HONGSHAN", "DONGXIHU",
  "HANNAN", "CAIDIAN", "JIANGXIA", "HUANGPI", "XINZHOU", "EAST_LAKE_HIGH_TECH", "ECONOMIC_DEVELOPMENT_ZONE",
  "EAST_LAKE_SCENIC" }
local categories = { "STREET_VENDING", "ILLEGAL_CONSTRUCTION", "MUCK_TRANSPORT", "DUST_POLLUTION",
  "CONSTRUCTION_NOISE", "SANITATION", "SIGNS_AND_ADVERTISING", "STREET_LIGHTING", "MANHOLE_COVERS",
  "DAMAGED_ROADS", "DRAINAGE", "GREENERY", "GAS_SAFETY", "BRIDGES_TUNNELS", "OTHER" }
local urgencies = { "NORMAL", "NORMAL", "NORMAL", "NORMAL", "NORMAL", "NORMAL", "URGENT", "URGENT" }

local threads = {}
local counter = 0
local run = os.time() % 100000

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }

function request()
  counter = counter + 1
  local n = counter * 16 + (thread_id or 0)          -- unique per thread and request
  local phone = string.format("139%08d", (run * 1000 + n) % 100000000)
  local body = string.format(
    '{"callerName":"压测%d","callerPhone":"%s","district":"%s","category":"%s","urgency":"%s",' ..
    '"address":"压测路%d-%d号","description":"基准测试工单 %d-%d 路灯不亮"}',
    n, phone, districts[n % #districts + 1], categories[math.floor(n / 16) % #categories + 1],
    urgencies[n % #urgencies + 1], run, n, run, n)
  return wrk.format("POST", "/api/complaints", headers, body)
end
