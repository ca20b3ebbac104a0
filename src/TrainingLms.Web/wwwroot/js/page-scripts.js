// Runs the scripts pages name with <PageScript> (a <script data-page-script>) that enhanced navigation brought in:
// Blazor patches the new page into the document without running its script elements. Each runs once per full load;
// the ones on the page the browser first loaded have run already.
(() => {
    const loaded = new Set([...document.querySelectorAll("script[data-page-script]")].map(script => script.src));

    const load = () => document.querySelectorAll("script[data-page-script]").forEach(script => {
        if (loaded.has(script.src)) return;
        loaded.add(script.src);
        const run = document.createElement("script");
        run.src = script.src;
        document.body.appendChild(run);
    });

    document.addEventListener("blazor:enhancedload", load);
    window.Blazor?.addEventListener?.("enhancedload", load);
})();
