// The dashboard: KPIs against the comparison period, charts by each breakdown, a world map, the
// origin–destination flows and the trend of the last half-years, all from /api/aggregates (the
// report model) for the chosen filters. A click on a bar, slice, country or flow opens the records
// behind it. Words come from the page (#labels), never from this file.
(function () {
  const L = JSON.parse(document.getElementById("labels").textContent);
  const TREND = JSON.parse(document.getElementById("periods").textContent);
  const form = document.getElementById("filters");
  const charts = {};
  const BLUE = "#1f4e79", PALE = "#9bb7d4", ORANGE = "#d08c2c";
  const fmt = new Intl.NumberFormat(document.documentElement.lang === "en" ? "en" : "ru");
  // A change in per cent as the tables write numbers (Kazakh and Russian: a decimal comma).
  const fmtPct = new Intl.NumberFormat(document.documentElement.lang === "en" ? "en" : "ru",
    { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const mapBox = document.getElementById("map");
  let world = null, current = null;

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer: "svg" });
    return charts[id];
  }
  const name = (table, code) => (L.names[table] && L.names[table][code]) || code;
  const phone = () => window.innerWidth < 600;

  // The records behind a figure: the page's filters plus the one clicked.
  function openRecords(extra) {
    if (!current) return;
    const q = new URLSearchParams({ period: current.period, category: form.category.value });
    if (form.hei_type.value) q.set("hei_type", form.hei_type.value);
    if (form.programme.value) q.set("programme", form.programme.value);
    for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
    window.location.href = "/records/?" + q.toString();
  }
  function clickable(id, handler) {
    const c = chart(id);
    c.off("click");
    c.on("click", handler);
  }

  function kpis(cur, prev, prevName) {
    const items = [["outgoing", "total", { direction: "outgoing" }], ["incoming", "total", { direction: "incoming" }],
                   ["both", "total", {}], ["both", "countries", null], ["both", "kz_heis", null], ["both", "foreign_heis", null]];
    const box = document.getElementById("kpis");
    box.replaceChildren();
    for (const [dir, key, link] of items) {
      const v = cur[dir][key], p = prev ? prev[dir][key] : null;
      const div = document.createElement(link ? "a" : "div");
      div.className = "kpi";
      if (link) { div.href = "#"; div.addEventListener("click", (e) => { e.preventDefault(); openRecords(link); }); }
      const title = document.createElement("div");
      title.className = "name";
      title.textContent = key === "total" ? L.words[dir] : L.words[key];
      const value = document.createElement("div");
      value.className = "value";
      value.dataset.kpi = `${dir}-${key}`;
      value.textContent = fmt.format(v);
      div.append(title, value);
      if (p !== null && p !== undefined && p > 0) {
        const pct = (v - p) / p * 100;
        const delta = document.createElement("div");
        delta.className = `delta ${pct >= 0 ? "up" : "down"}`;
        delta.textContent = `${prevName}: ${fmt.format(p)} (${fmtPct.format(pct)}%)`;
        div.append(delta);
      }
      box.appendChild(div);
    }
  }

  function bars(id, table, param, counts, prevCounts, names, top) {
    // Categories empty in both periods are left out: a chart of zeros says nothing.
    const entries = Object.entries(counts).filter(([c, v]) => v > 0 || (prevCounts && prevCounts[c] > 0))
      .sort((a, b) => b[1] - a[1]).slice(0, top || 15).reverse();
    const codes = entries.map(([c]) => c);
    const series = [{ name: names[0], type: "bar", data: entries.map(([, v]) => v), itemStyle: { color: BLUE },
                      label: { show: true, position: "right", formatter: (p) => fmt.format(p.value) } }];
    if (prevCounts) series.unshift({ name: names[1], type: "bar", data: codes.map((c) => prevCounts[c] || 0),
                                     itemStyle: { color: PALE } });
    chart(id).setOption({
      grid: { left: 8, right: 48, top: prevCounts ? 28 : 8, bottom: 8, containLabel: true },
      legend: prevCounts ? { top: 0, data: [names[1], names[0]] } : { show: false },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v) => fmt.format(v), className: "chart-tip" },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: codes.map((c) => name(table, c)),
               axisLabel: { width: phone() ? 110 : 200, overflow: "truncate" } },
      series }, true);
    clickable(id, (p) => openRecords({ [param]: codes[p.dataIndex] }));
  }

  function pie(id, table, param, counts) {
    const data = Object.entries(counts).filter(([, v]) => v > 0).map(([c, v]) => ({ name: name(table, c), value: v, code: c }));
    chart(id).setOption({
      tooltip: { trigger: "item", formatter: (p) => `${p.name}: ${fmt.format(p.value)} (${p.percent}%)` },
      legend: { bottom: 0, type: "scroll" },
      series: [{ type: "pie", radius: ["35%", "62%"], center: ["50%", "45%"],
                 label: { show: !phone(), formatter: (p) => `${p.name}: ${fmt.format(p.value)}`, width: 160, overflow: "break" },
                 data }] }, true);
    clickable(id, (p) => openRecords({ [param]: p.data.code }));
  }

  // Rings that run across the antimeridian (Russia's Chukotka, Fiji) would be drawn as a band over
  // the whole map; their western points move east of 180°. Antarctica is left out (it draws a line
  // along the bottom and holds no partners).
  function unwrap(feature) {
    const fixRing = (ring) => {
      const lons = ring.map((p) => p[0]);
      if (Math.max(...lons) - Math.min(...lons) <= 180) return ring;
      return ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]);
    };
    const g = feature.geometry;
    if (!g) return feature;
    if (g.type === "Polygon") g.coordinates = g.coordinates.map(fixRing);
    if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((poly) => poly.map(fixRing));
    return feature;
  }

  async function worldMap(counts) {
    if (!world) {
      const topo = await (await fetch(mapBox.dataset.world)).json();
      world = topojson.feature(topo, topo.objects.countries);
      world.features = world.features.filter((f) => String(f.id) !== "010").map(unwrap);
      world.features.forEach((f) => { f.properties.name = String(f.id); });
      echarts.registerMap("world", world);
    }
    const data = [];
    for (const [code, v] of Object.entries(counts)) if (L.numeric[code] && v > 0) data.push({ name: L.numeric[code], value: v, code });
    const max = Math.max(1, ...data.map((d) => d.value));
    chart("map").setOption({
      tooltip: { trigger: "item", formatter: (p) => p.data ? `${name("country", p.data.code)}: ${fmt.format(p.data.value)}` : "" },
      visualMap: { min: 0, max, left: 10, bottom: 10, inRange: { color: ["#dbe7f3", BLUE] }, calculable: true,
                   itemHeight: phone() ? 80 : 140 },
      series: [{ type: "map", map: "world", roam: true, zoom: 1.15, center: [40, 25], scaleLimit: { min: 1, max: 12 },
                 emphasis: { label: { show: false } }, data, itemStyle: { areaColor: "#f0f0f0", borderColor: "#bbb" } }] }, true);
    clickable("map", (p) => p.data && openRecords({ country: p.data.code }));
  }

  function sankey(outgoing, incoming) {
    const kz = L.kz;
    const top = (counts) => Object.entries(counts).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]).slice(0, phone() ? 6 : 10);
    const nodes = [{ name: kz, itemStyle: { color: BLUE } }], links = [];
    for (const [c, v] of top(incoming)) {
      const n = name("country", c) + " →";
      nodes.push({ name: n, code: c, direction: "incoming", itemStyle: { color: ORANGE } });
      links.push({ source: n, target: kz, value: v, code: c, direction: "incoming" });
    }
    for (const [c, v] of top(outgoing)) {
      const n = "→ " + name("country", c);
      nodes.push({ name: n, code: c, direction: "outgoing", itemStyle: { color: PALE } });
      links.push({ source: kz, target: n, value: v, code: c, direction: "outgoing" });
    }
    chart("sankey").setOption({
      tooltip: { trigger: "item", valueFormatter: (v) => fmt.format(v) },
      series: [{ type: "sankey", data: nodes, links, nodeGap: 10, nodeWidth: 14, left: 8, right: phone() ? 90 : 160,
                 emphasis: { focus: "adjacency" }, lineStyle: { color: "gradient", opacity: 0.4 },
                 label: { fontSize: 11, formatter: (p) => `${p.name} ${fmt.format(p.value)}` } }] }, true);
    clickable("sankey", (p) => p.data && p.data.code && openRecords({ country: p.data.code, direction: p.data.direction }));
  }

  async function model(params) {
    const res = await fetch("/api/aggregates?" + params.toString(), { credentials: "same-origin" });
    return res.ok ? res.json() : null;
  }

  async function trend(base) {
    const found = await Promise.all(TREND.map((p) => { const q = new URLSearchParams(base); q.set("period", p); q.delete("compare"); return model(q); }));
    const points = TREND.map((p, i) => [p, found[i] ? found[i].periods[p] : null]).filter(([, m]) => m);
    const line = (dir, color) => ({ name: L.words[dir], type: "line", data: points.map(([, m]) => m[dir].total),
                                    itemStyle: { color }, label: { show: true, formatter: (p) => fmt.format(p.value) } });
    chart("trend").setOption({ tooltip: { trigger: "axis", valueFormatter: (v) => fmt.format(v) }, legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: points.map(([p]) => p) }, yAxis: { type: "value" },
      series: [line("outgoing", BLUE), line("incoming", ORANGE)] }, true);
    clickable("trend", (p) => { current = { period: points[p.dataIndex][0] };
                                openRecords({ direction: p.seriesIndex === 0 ? "outgoing" : "incoming" }); });
  }

  async function load() {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) params.append(k, v);
    const empty = document.getElementById("empty"), figures = document.getElementById("figures");
    const show = (any) => { empty.hidden = any; figures.hidden = !any; };
    if (!params.get("period")) { show(false); document.body.dataset.loaded = "none"; return; }
    const found = await model(params);
    if (!found) { show(false); document.body.dataset.loaded = "none"; return; }
    const cur = found.periods[found.meta.period];
    const prevName = found.meta.compare;
    const prev = prevName ? found.periods[prevName] : null;
    current = { period: found.meta.period };
    document.getElementById("compared").textContent = prevName ? L.words.compared_with.replace("{period}", prevName) : "";
    show(cur.both.total > 0);
    if (!cur.both.total) { document.body.dataset.loaded = `${found.meta.period}-empty`; return; }  // one clear message
    kpis(cur, prev, prevName);
    const p = prev ? prev.both : null, names = [found.meta.period, prevName];
    bars("by_country", "country", "country", cur.both.by_country, p && p.by_country, names, 20);
    pie("by_hei_type", "hei_type", "hei_type", cur.both.by_hei_type);
    bars("by_field", "field", "field", cur.both.by_field, p && p.by_field, names);
    const student = form.category.value === "student";
    const level = student ? "by_study_level" : "by_degree";
    document.getElementById("level_caption").textContent = L.words[level];
    pie("by_level", student ? "study_level" : "degree", student ? "study_level" : "degree", cur.both[level] || {});
    pie("by_format", "format", "format", cur.both.by_format);
    bars("by_programme", "programme", "programme", cur.both.by_programme, p && p.by_programme, names);
    await worldMap(cur.both.by_country);
    sankey(cur.outgoing.by_country, cur.incoming.by_country);
    await trend(params);
    Object.values(charts).forEach((c) => c.resize());
    document.body.dataset.loaded = found.meta.period;
  }

  form.addEventListener("change", load);
  window.addEventListener("resize", () => Object.values(charts).forEach((c) => c.resize()));
  load();
})();
