// The research pages' charts and background runs. Data come from <script type="application/json">
// blocks the server wrote (the same figures as the tables beside them); no inline scripts.
(function () {
  const BLUE = "#1f4e79", PALE = "#9bb7d4", ORANGE = "#d08c2c";
  const lang = document.documentElement.lang;
  const fmt = new Intl.NumberFormat(lang === "en" ? "en" : "ru", { maximumFractionDigits: 0 });
  const data = (id) => { const el = document.getElementById(id); return el ? JSON.parse(el.textContent) : null; };
  const charts = [];
  function chart(id) {
    const el = document.getElementById(id);
    if (!el || !window.echarts) return null;
    const c = echarts.init(el, null, { renderer: "svg" });
    charts.push(c);
    return c;
  }
  window.addEventListener("resize", () => charts.forEach((c) => c.resize()));
  const axisNumber = { axisLabel: { formatter: (v) => fmt.format(v) } };

  // Flows: origin → its destinations (Sankey) and one pair over the years.
  const flows = data("chart-data");
  if (flows) {
    const sankey = chart("sankey");
    if (sankey && flows.links.length) {
      // The origin's name above its node, whole (not clipped at the top: it read as «қазақстан»);
      // each destination's beside its node, the nodes far enough apart that no two names overlap,
      // a name too long for the margin cut with "…"; drawn at once (no animation hiding the names).
      const margin = Math.min(170, sankey.getWidth() * 0.4);
      const nodes = [{ name: flows.origin, label: { show: true, position: [0, -20], align: "left", color: "#1b2733" } }]
        .concat(flows.links.map((l) => ({ name: l.name, label: { show: true, position: "right", color: "#1b2733",
                                                                 width: margin - 12, overflow: "truncate" } })));
      sankey.setOption({ animation: false, tooltip: { trigger: "item", valueFormatter: (v) => fmt.format(v) },
        series: [{ type: "sankey", left: 8, top: 32, bottom: 8, right: margin, nodeGap: 15, data: nodes, lineStyle: { color: "gradient", opacity: 0.4 },
                   label: { formatter: (p) => p.name }, links: flows.links.map((l) => ({ source: flows.origin, target: l.name, value: l.value })) }] });
    }
    const series = chart("series");
    if (series) {
      series.setOption({ grid: { left: 8, right: 20, top: 20, bottom: 10, containLabel: true }, tooltip: { trigger: "axis", valueFormatter: (v) => fmt.format(v) },
        xAxis: { type: "category", data: flows.series.years }, yAxis: Object.assign({ type: "value" }, axisNumber),
        series: [{ name: flows.series.name, type: "line", data: flows.series.counts, itemStyle: { color: BLUE }, symbolSize: 6 }] });
    }
  }

  // Forecast: the history, the forecast mean and its prediction interval as a shaded fan.
  const fan = data("fan-data");
  if (fan) {
    const c = chart("fan");
    const hist = fan.history, ahead = fan.forecast;
    const years = hist.map((h) => h.year).concat(ahead.map((f) => f.year));
    const pad = (values, before) => Array(before).fill(null).concat(values);
    const last = hist[hist.length - 1];
    // The fan starts at the last observed value so that the band joins the line.
    const lower = pad([last.count].concat(ahead.map((f) => f.lower)), hist.length - 1);
    const width = pad([0].concat(ahead.map((f) => f.upper - f.lower)), hist.length - 1);
    const mean = pad([last.count].concat(ahead.map((f) => f.mean)), hist.length - 1);
    c.setOption({ grid: { left: 8, right: 20, top: 30, bottom: 10, containLabel: true },
      tooltip: { trigger: "axis", valueFormatter: (v) => (v === null || v === undefined ? "" : fmt.format(v)) },
      legend: { top: 0, data: [fan.title, fan.method_label, fan.level + "%"] },
      xAxis: { type: "category", data: years, boundaryGap: false }, yAxis: Object.assign({ type: "value", scale: true }, axisNumber),
      series: [
        { name: "lower", type: "line", data: lower, stack: "band", lineStyle: { opacity: 0 }, symbol: "none", tooltip: { show: false } },
        { name: fan.level + "%", type: "line", data: width, stack: "band", lineStyle: { opacity: 0 }, symbol: "none",
          areaStyle: { color: PALE, opacity: 0.6 }, itemStyle: { color: PALE } },
        { name: fan.title, type: "line", data: hist.map((h) => h.count), itemStyle: { color: BLUE }, symbolSize: 6 },
        { name: fan.method_label, type: "line", data: mean, itemStyle: { color: ORANGE }, lineStyle: { type: "dashed" }, symbolSize: 6 },
      ] });
    document.body.dataset.fan = "drawn";
  }

  // Gravity what-if: observed, modelled and scenario flows of the largest destinations.
  const whatif = data("whatif-data");
  if (whatif) {
    const c = chart("whatif-bars");
    const rows = whatif.rows.slice().reverse();
    const w = whatif.words;
    c.setOption({ grid: { left: 8, right: 30, top: 30, bottom: 10, containLabel: true }, legend: { top: 0 },
      tooltip: { trigger: "axis", valueFormatter: (v) => fmt.format(v) },
      xAxis: Object.assign({ type: "value" }, axisNumber), yAxis: { type: "category", data: rows.map((r) => r.name) },
      series: [{ name: w.observed, type: "bar", data: rows.map((r) => r.count), itemStyle: { color: PALE } },
               { name: w.modelled, type: "bar", data: rows.map((r) => r.fitted), itemStyle: { color: BLUE } },
               { name: w.scenario, type: "bar", data: rows.map((r) => r.scenario), itemStyle: { color: ORANGE } }] });
  }

  // A background run: poll its status, show its progress, and reload when it has finished.
  const run = document.getElementById("run");
  if (run) {
    const state = document.getElementById("run-state"), progress = document.getElementById("run-progress");
    const poll = async () => {
      try {
        const s = await (await fetch(run.dataset.statusUrl, { headers: { Accept: "application/json" } })).json();
        run.dataset.status = s.status;
        if (s.total) progress.textContent = s.done + " / " + s.total;
        if (s.status === "done" || s.status === "failed") { window.location.reload(); return; }
        if (s.status === "running" && state.dataset.running) state.textContent = state.dataset.running;
      } catch (e) { /* the next look will tell */ }
      setTimeout(poll, 1000);
    };
    setTimeout(poll, 500);
  }
})();
