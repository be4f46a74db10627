// Starts GOV.UK Frontend's components. Loaded as a module, so it runs only where modules do.
import { initAll } from "../govuk-frontend/govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();
