// Shows the rule's verdict on the drill scoring form as the trainer taps a score: the same weighted sum (in whole
// numbers, over the scales' common multiple) and must-pass check the server applies when it signs — the server's
// alone counts. Without script the form shows the verdict of the saved draft.
(() => {
    if (window.drillScoreReady) return;
    window.drillScoreReady = true;
    const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));

    function update(form) {
        const fields = [...form.querySelectorAll(".criterion-field[data-max]")];
        const common = fields.reduce((lcm, f) => (lcm / gcd(lcm, Number(f.dataset.max))) * Number(f.dataset.max), 1);
        let earned = 0, total = 0, unscored = 0, missed = false;
        for (const field of fields) {
            const weight = Number(field.dataset.weight), max = Number(field.dataset.max);
            total += weight;
            const checked = field.querySelector("input[type=radio]:checked");
            if (!checked) { unscored++; continue; }
            const score = Number(checked.value);
            earned += weight * score * (common / max);
            if (field.dataset.mustPass === "true" && score < Number(field.dataset.meetsAt)) missed = true;
        }
        const possible = common * total;
        if (possible === 0) return;
        const tenths = Math.floor((earned * 1000) / possible);
        const percent = `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)}%`;
        const passed = earned * 100 >= Number(form.dataset.passMark) * possible && !missed;
        const live = form.querySelector("[data-live]");
        const box = form.querySelector(".sign-box");
        if (!live || !box) return;
        live.textContent = unscored > 0
            ? live.dataset.soFar.replace("{0}", percent).replace("{1}", unscored)
            : live.dataset.complete.replace("{0}", percent).replace("{1}", passed ? live.dataset.pass : live.dataset.fail);
        box.dataset.outcome = unscored > 0 ? "incomplete" : passed ? "pass" : "fail";
    }

    document.addEventListener("change", (event) => {
        const form = event.target.closest?.("form.score-form[data-pass-mark]");
        if (form) update(form);
    });
})();
