// The dashboard: KPIs with the comparison period, charts by each breakdown, a world map and the
// origin–destination flows, all from /api/aggregates (the report model) for the chosen filters.
(function () {
  const L = JSON.parse(document.getElementById("labels").textContent);
  const form = document.getElementById("filters");
  const charts = {};
  const BLUE = "#1f4e79", PALE = "#9bb7d4", ORANGE = "#d08c2c";
  const fmt = new Intl.NumberFormat(document.documentElement.lang === "en" ? "en" : "ru");
  let world = null;

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer: "svg" });
    return charts[id];
  }
  const name = (table, code) => (L.names[table] && L.names[table][code]) || code;

  function kpis(cur, prev, prevName) {
    const items = [["outgoing", "total"], ["incoming", "total"], ["both", "total"], ["both", "countries"],
                   ["both", "kz_heis"], ["both", "foreign_heis"]];
    const box = document.getElementById("kpis");
    box.innerHTML = "";
    for (const [dir, key] of items) {
      const v = cur[dir][key], p = prev ? prev[dir][key] : null;
      const div = document.createElement("div");
      div.className = "kpi";
      const title = key === "total" ? L.words[dir] : L.words[key];
      let delta = "";
      if (p !== null && p !== undefined && p > 0) {
        const pct = (v - p) / p * 100;
        delta = `<div class="delta ${pct >= 0 ? "up" : "down"}">${prevName}: ${fmt.format(p)} (${pct >= 0 ? "+" : ""}${pct.toFixed(1)}%)</div>`;
      }
      div.innerHTML = `<div class="name">${title}</div><div class="value" data-kpi="${dir}-${key}">${fmt.format(v)}</div>${delta}`;
      box.appendChild(div);
    }
  }

  function bars(id, table, counts, prevCounts, top) {
    // Categories empty in both periods are left out: a chart of zeros says nothing.
    const entries = Object.entries(counts).filter(([c, v]) => v > 0 || (prevCounts && prevCounts[c] > 0))
      .sort((a, b) => b[1] - a[1]).slice(0, top || 15);
    const cats = entries.map(([c]) => name(table, c)).reverse();
    const series = [{ name: "now", type: "bar", data: entries.map(([, v]) => v).reverse(), itemStyle: { color: BLUE },
                      label: { show: true, position: "right" } }];
    if (prevCounts) series.unshift({ name: "before", type: "bar", data: entries.map(([c]) => prevCounts[c] || 0).reverse(),
                                     itemStyle: { color: PALE } });
    chart(id).setOption({ grid: { left: 8, right: 40, top: 10, bottom: 10, containLabel: true }, tooltip: { trigger: "axis" },
      xAxis: { type: "value" }, yAxis: { type: "category", data: cats, axisLabel: { width: 200, overflow: "truncate" } },
      series }, true);
  }

  function pie(id, table, counts) {
    chart(id).setOption({ tooltip: { trigger: "item" }, legend: { bottom: 0, type: "scroll" },
      series: [{ type: "pie", radius: ["35%", "65%"], label: { formatter: "{b}: {c}" },
                 data: Object.entries(counts).filter(([, v]) => v > 0).map(([c, v]) => ({ name: name(table, c), value: v })) }] }, true);
  }

  async function worldMap(counts) {
    if (!world) {
      const topo = await (await fetch(document.getElementById("world").dataset.src)).json();
      world = topojson.feature(topo, topo.objects.countries);
      world.features.forEach((f) => { f.properties.name = String(f.id); });
      echarts.registerMap("world", world);
    }
    const byNumeric = {};
    for (const [code, v] of Object.entries(counts)) if (L.numeric[code]) byNumeric[L.numeric[code]] = [code, v];
    const data = Object.entries(byNumeric).map(([num, [code, v]]) => ({ name: num, value: v, code }));
    const max = Math.max(1, ...data.map((d) => d.value));
    chart("map").setOption({
      tooltip: { trigger: "item", formatter: (p) => p.data ? `${name("country", p.data.code)}: ${fmt.format(p.data.value)}` : "" },
      visualMap: { min: 0, max, left: 10, bottom: 10, inRange: { color: ["#dbe7f3", BLUE] }, calculable: true },
      series: [{ type: "map", map: "world", roam: true, emphasis: { label: { show: false } }, data,
                 itemStyle: { areaColor: "#f0f0f0", borderColor: "#bbb" } }] }, true);
  }

  function sankey(outgoing, incoming) {
    const kz = L.kz;
    const top = (counts) => Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 12);
    const nodes = [{ name: kz, itemStyle: { color: BLUE } }], links = [];
    for (const [c, v] of top(incoming)) { const n = name("country", c) + " →"; nodes.push({ name: n, itemStyle: { color: ORANGE } }); links.push({ source: n, target: kz, value: v }); }
    for (const [c, v] of top(outgoing)) { const n = "→ " + name("country", c); nodes.push({ name: n, itemStyle: { color: PALE } }); links.push({ source: kz, target: n, value: v }); }
    chart("sankey").setOption({ tooltip: { trigger: "item" }, series: [{ type: "sankey", data: nodes, links, nodeGap: 6,
      emphasis: { focus: "adjacency" }, lineStyle: { color: "gradient", opacity: 0.4 }, label: { fontSize: 11 } }] }, true);
  }

  async function load() {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) params.append(k, v);
    const empty = document.getElementById("empty");
    if (!params.get("period")) { empty.hidden = false; return; }
    const res = await fetch("/api/aggregates?" + params.toString(), { credentials: "same-origin" });
    if (!res.ok) { empty.hidden = false; return; }
    const model = await res.json();
    const cur = model.periods[model.meta.period];
    const prev = model.meta.compare ? model.periods[model.meta.compare] : null;
    empty.hidden = cur.both.total > 0;
    kpis(cur, prev, model.meta.compare);
    const p = prev ? prev.both : null;
    bars("by_country", "country", cur.both.by_country, p && p.by_country, 20);
    pie("by_hei_type", "hei_type", cur.both.by_hei_type);
    bars("by_field", "field", cur.both.by_field, p && p.by_field);
    const student = form.category.value === "student";
    const level = student ? "by_study_level" : "by_degree";
    document.getElementById("level_caption").textContent = L.words[level];
    pie("by_level", student ? "study_level" : "degree", cur.both[level] || {});
    pie("by_format", "format", cur.both.by_format);
    bars("by_programme", "programme", cur.both.by_programme, p && p.by_programme);
    await worldMap(cur.both.by_country);
    sankey(cur.outgoing.by_country, cur.incoming.by_country);
    document.body.dataset.loaded = model.meta.period;
  }

  form.addEventListener("change", load);
  window.addEventListener("resize", () => Object.values(charts).forEach((c) => c.resize()));
  load();
})();
