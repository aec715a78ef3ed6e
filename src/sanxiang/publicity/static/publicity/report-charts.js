// Yearly report charts (ECharts, vendored): data from the page's json_script element.
(function () {
  "use strict";
  var source = document.getElementById("report-data");
  if (!source || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  document.querySelectorAll(".sx-chart").forEach(function (el) {
    var values = data[el.dataset.key];
    var chart = window.echarts.init(el);
    if (el.dataset.chart === "pie") {
      chart.setOption({
        tooltip: {},
        series: [{ type: "pie", radius: "65%", data: Object.keys(values).map(function (k) {
          return { name: k, value: values[k] };
        }) }]
      });
    } else {
      chart.setOption({
        tooltip: {},
        xAxis: { type: "category", data: values.map(function (_v, i) { return String(i + 1); }) },
        yAxis: { type: "value", minInterval: 1 },
        series: [{ type: "bar", data: values, itemStyle: { color: "#1f4a85" } }]
      });
    }
  });
})();
