// Generated from libs/client/openapi.json by npm run client:generate; do not edit.
export interface paths {
    "/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness, and the head of the event log */
        get: operations["SystemController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every key: id, name, role, bound owner, who created it, whether revoked (never the secret) */
        get: operations["KeysController_list"];
        put?: never;
        /** Create an API key with a role (super-admin only), bound to an owner or not; the secret is shown this once */
        post: operations["KeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key: it stops working at once */
        delete: operations["KeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event type Tally stores: its current schema version and the JSON Schema of its data */
        get: operations["EventCatalogController_catalog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every projection build: version, status, position, lag in events and milliseconds */
        get: operations["ProjectionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projections/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One projection's builds (the active one, rebuilds, retired ones kept for comparison) */
        get: operations["ProjectionsController_one"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projections/{name}/rebuilds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rebuild into new tables beside the active build; the views switch once it has caught up */
        post: operations["ProjectionsController_rebuild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projections/{name}/rebuilds/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of a build: events/s, position, lag and an estimate of the time left */
        get: operations["ProjectionsController_progress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projections/{name}/rebuilds/{version}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** lead-score only: the replay report of a build against another: contacts whose score and qualification changed, MQL/SQL transitions both ways, the 20 largest movers */
        get: operations["ProjectionsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projections/{name}/skips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Super-admin: let the parked build go on without the event it is parked on, for that build only; the skip is recorded in the log (who, when, why) and shown in the status */
        post: operations["ProjectionsController_skip"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projections/{name}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry a parked projection from the event it parked on (after the cause is fixed) */
        post: operations["ProjectionsController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import history, streamed; idempotent by event id or command line id; reports accepted, duplicate and rejected lines
         * @description A command line needs the permission of its HTTP route (a line the key's role may not run is rejected with 403 as its reason); raw event lines need history:write (super-admin) and must be events the aggregate could have produced next.
         */
        post: operations["ImportController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scoring/formulas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every saved formula, and which one is active */
        get: operations["FormulasController_list"];
        put?: never;
        /** Save a formula; its id is the SHA-256 of its canonical JSON. Every error is listed. */
        post: operations["FormulasController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scoring/formulas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One formula by id */
        get: operations["FormulasController_one"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scoring/backtests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Scores every contact of every closed deal as it stood horizonDays before the close, per formula (one fold of the log): AUC, deciles, win rates by qualification, won deals below MQL */
        post: operations["BacktestsController_run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/lead-scores/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Re-derives every stored lead score from the event log alone with the active build's formula, each as of its stored as-of instant, and lists every field that differs */
        get: operations["LeadScoreVerifyController_verifyAll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Owners (reps), filtered by team and role, sorted by name and paged
         * @description `q` matches a substring of the name, email or team, case-insensitively.
         */
        get: operations["OwnerListController_list"];
        put?: never;
        /** Create an owner (a rep) with a role */
        post: operations["OwnersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/owners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an owner's name, email, team or role */
        patch: operations["OwnersController_update"];
        trace?: never;
    };
    "/v1/pipelines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the deal and ticket pipelines with their stages */
        get: operations["PipelinesController_list"];
        put?: never;
        /** Create a deal or ticket pipeline with its stages */
        post: operations["PipelinesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pipeline with its stages and revision */
        get: operations["PipelinesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a pipeline */
        patch: operations["PipelinesController_rename"];
        trace?: never;
    };
    "/v1/pipelines/{id}/stages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a stage, at a position among the non-archived stages or at the end */
        post: operations["PipelinesController_addStage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/{id}/stages/{stageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Archive a stage: its id stays taken, records already in it keep it */
        delete: operations["PipelinesController_archiveStage"];
        options?: never;
        head?: never;
        /** Change a stage's label and/or probability (both apply or neither) */
        patch: operations["PipelinesController_updateStage"];
        trace?: never;
    };
    "/v1/pipelines/{id}/stage-order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Reorder the non-archived stages */
        put: operations["PipelinesController_reorder"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/totals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per stage and currency of a deal pipeline: its deals and their exact total (every deal, not a page's)
         * @description One row per stage and currency that has deals, in stage order, whatever the deals' outcome. Totals are decimal strings in the currency's digits, never summed across currencies. A weighted total is the total times the stage's probability (GET /v1/pipelines/{id}), rounded once, half to even. 404 when the deals list does not know the deal pipeline.
         */
        get: operations["DealTotalsController_totals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deal as its stream says now, with its revision */
        get: operations["DealsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a deal's name, amount, currency, revenue type, billing period, contract term, close date, owner or custom properties (whole or not at all) */
        patch: operations["DealsController_update"];
        trace?: never;
    };
    "/v1/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deals, filtered, sorted and paged, with stage label and owner name
         * @description Amounts, mrr and arr are decimal strings in the currency's digits (JPY "150000", USD "1200.50", BHD "1.250"); mrr and arr are null for a one-off deal; closeDate is the expected close, closedAt when it was won or lost (null while open). `q` matches a substring of the name or of a text or number custom property (an advertiser id), case-insensitively. Custom properties filter as `property.<name>=value` (defined properties only; the value is read as the property's type).
         */
        get: operations["DealListController_list"];
        put?: never;
        /** Create a deal in a stage of a deal pipeline */
        post: operations["DealsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{id}/stage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Move a deal to another stage of its pipeline (a won or lost stage closes it) */
        put: operations["DealsController_moveToStage"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a won or lost deal into an open stage */
        post: operations["DealsController_reopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Associate a contact with a deal */
        post: operations["DealsController_associateContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{id}/contacts/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Dissociate a contact from a deal */
        delete: operations["DealsController_dissociateContact"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{id}/company": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a deal's company (a deal has one) */
        put: operations["DealsController_associateCompany"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ticket as its stream says now, with its revision */
        get: operations["TicketsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a ticket's custom properties */
        patch: operations["TicketsController_update"];
        trace?: never;
    };
    "/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tickets, filtered, sorted and paged, with stage label and owner name
         * @description `q` matches a substring of the subject or of a text or number custom property, case-insensitively. Custom properties filter as `property.<name>=value` (defined properties only; the value is read as the property's type).
         */
        get: operations["TicketListController_list"];
        put?: never;
        /** Open a ticket in a stage of a ticket pipeline */
        post: operations["TicketsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}/stage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Move a ticket to another stage (a closed stage closes it, leaving one reopens it) */
        put: operations["TicketsController_moveToStage"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}/owner": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Assign a ticket to an owner (null unassigns) */
        put: operations["TicketsController_assignOwner"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}/priority": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a ticket's priority */
        put: operations["TicketsController_changePriority"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/engagements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Engagements, filtered by owner, kind, the records they are tied to and when they happened; newest first, paged */
        get: operations["EngagementListController_list"];
        put?: never;
        /** Log an email, call, meeting, note or task against contacts, companies, deals or tickets */
        post: operations["EngagementsController_log"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/engagements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One engagement as the list shows it */
        get: operations["EngagementListController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an engagement's subject, body, outcome, duration or priority (the fields its kind has) */
        patch: operations["EngagementsController_update"];
        trace?: never;
    };
    "/v1/engagements/{id}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an open task's due time */
        post: operations["EngagementsController_reschedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/engagements/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a task done (once until reopened) */
        post: operations["EngagementsController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/engagements/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a completed task again */
        post: operations["EngagementsController_reopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The task queue: tasks by due time (none last), then priority (high first), then id; open ones by default */
        get: operations["TasksController_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contacts, filtered, sorted and paged (merged duplicates hidden)
         * @description Custom properties filter as `property.<name>=value` (defined properties only; the value is read as the property's type).
         */
        get: operations["ContactListController_list"];
        put?: never;
        /** Create a contact; its marketing status follows the marketing policy for its source */
        post: operations["ContactsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The contact as its stream stands now; a merged contact answers with mergedInto */
        get: operations["ContactsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a contact's built-in fields and custom properties; a new email must be free */
        patch: operations["ContactsController_update"];
        trace?: never;
    };
    "/v1/contacts/{id}/lifecycle-stage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the lifecycle stage (forwards or backwards) */
        put: operations["ContactsController_lifecycleStage"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/owner": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Assign the owning rep, or unassign with null */
        put: operations["ContactsController_owner"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/marketing-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Make the contact a marketing or a non-marketing contact, with a reason on record */
        put: operations["ContactsController_marketingStatus"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/company": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Associate the contact with a company (replacing its current one) */
        post: operations["ContactsController_associate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/company/{companyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Dissociate the contact from the company */
        delete: operations["ContactsController_dissociate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge a duplicate into this contact; the duplicate becomes a pointer here and frees its email */
        post: operations["ContactsController_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/page-views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the contact viewed a page */
        post: operations["ContactActivityController_pageView"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/form-submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the contact submitted a form */
        post: operations["ContactActivityController_formSubmission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/email-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a marketing email event; an unsubscribe makes the contact non-marketing */
        post: operations["ContactActivityController_emailEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Companies, filtered, sorted and paged (merged duplicates hidden)
         * @description Custom properties filter as `property.<name>=value` (defined properties only; the value is read as the property's type).
         */
        get: operations["CompanyListController_list"];
        put?: never;
        /** Create a company */
        post: operations["CompaniesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/companies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company as its stream stands now; a merged company answers with mergedInto */
        get: operations["CompaniesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a company's name, domain, industry, size, country or custom properties (whole or not at all); a new domain must be free */
        patch: operations["CompaniesController_update"];
        trace?: never;
    };
    "/v1/properties/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The custom properties of a type, in the order they were defined */
        get: operations["PropertiesController_list"];
        put?: never;
        /** Define a custom property of contacts, companies, deals or tickets; every write of that type is checked against it */
        post: operations["PropertiesController_define"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/properties/{type}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One custom property of a type */
        get: operations["PropertiesController_get"];
        put?: never;
        post?: never;
        /** Remove a property: writes naming it are refused from now on; values written before stay in the log */
        delete: operations["PropertiesController_remove"];
        options?: never;
        head?: never;
        /** Change a property's label, enum options or uniqueness (off only); its name and type stay */
        patch: operations["PropertiesController_change"];
        trace?: never;
    };
    "/v1/companies/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge a duplicate into this company; the duplicate becomes a pointer here, and its domain comes here if this company has none */
        post: operations["CompanyMergeController_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contacts, companies, deals and tickets matching q, best first
         * @description Exact email, domain or phone (digits compared, at least 5) first, then a word starting with q, then q anywhere, then deals and tickets whose pipeline's name contains q, then (Latin text) similar words for typos. Only the types the key's role may read are searched.
         */
        get: operations["SearchController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/duplicates/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contacts that may be one: the same email (no +tag, Gmail dots ignored), phone digits, or a similar name at the same company */
        get: operations["DuplicatesController_contacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/duplicates/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Companies that may be one: the same domain or phone digits, or a similar name */
        get: operations["DuplicatesController_companies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings/marketing-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The marketing status new contacts get, by source */
        get: operations["SettingsController_marketingPolicy"];
        /** Change the marketing status new contacts get for some sources; existing contacts keep theirs */
        put: operations["SettingsController_changeMarketingPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings/reporting-currency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The currency converted figures are reported in (null until one is set) */
        get: operations["SettingsController_reportingCurrency"];
        /** Set the workspace's reporting currency; setting the current one again appends nothing */
        put: operations["SettingsController_setReportingCurrency"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchange-rates/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rates in force on a date: for each base and quote the latest published on or before it, with its publication date */
        get: operations["ExchangeRatesController_onDate"];
        /** Publish the rates of one base currency on a date; the same set again appends nothing */
        put: operations["ExchangeRatesController_publish"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchange-rates/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import the rates of many dates at once; every row is checked first, and one bad row imports nothing
         * @description A bad file answers 400 with `badRows`: each bad row's line (1-based, the header is line 1), field and reason.
         */
        post: operations["ExchangeRatesController_importRates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchange-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rates published from `from` to `to` (publication dates, inclusive), by date, base and quote */
        get: operations["ExchangeRatesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/pipeline-health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open deals, amounts per currency, weighted amounts, ages and stuck deals per stage; win rate and forecast
         * @description Amounts are decimal strings with their currency's digits (JPY "150000", USD "0.59", BHD "1.250"), per currency, never summed across currencies. A weighted amount is the exact sum times the stage probability, rounded once, half to even, to the currency's digits. The forecast counts an open deal in the month of its expected close date and a won deal in full in the month it was won (lost deals not at all).
         */
        get: operations["PipelineHealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/pipeline-health/stuck-deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open deals in their stage longer than the stage's stuckAfterDays, longest first */
        get: operations["PipelineHealthController_stuck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/stage-durations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per stage: visits, median and p90 time in stage (completed visits), conversion to the next stage */
        get: operations["StageDurationsController_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/stage-durations/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stage visits, oldest entry first, cursor-paginated */
        get: operations["StageDurationsController_visits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/stage-durations/deals/{dealId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deal's stage visits, and its latest and cumulative time in each stage */
        get: operations["StageDurationsController_deal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/marketing-contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many marketing contacts there were at asOf (merged duplicates not counted) */
        get: operations["MarketingContactsReadModelController_count"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/marketing-contacts/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Marketing-status changes with their reasons, newest first, effective in [from, to) */
        get: operations["MarketingContactsReadModelController_changes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/rep-activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Activity per owner per day, ISO week (by its Monday) or month: engagements, tasks, deals, won amounts, tickets closed */
        get: operations["RepActivityReadModelController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/mrr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recurring revenue of a month per currency: new, expansion, contraction, churn, net new, MRR in force (total) and ARR
         * @description A recurring deal's MRR is its amount over its contract term (half-even to the currency's digits), in force from the month it was won for contractTermMonths months; churn shows in the first month after the term unless a won deal with renewsDealId renewed it by then (the difference is expansion or contraction) or the term was extended. Reopening a won deal takes its MRR out as if it was never won. Currencies are never summed together. Each figure's deals and events: GET /v1/read-models/mrr/deals?month=&kind=new|expansion|contraction|churn|total (with currency, ownerId, pipelineId to explain one row).
         */
        get: operations["MrrReadModelController_month"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/mrr/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The drill-down of a recurring-revenue figure: each deal, its MRR movement and the event behind it
         * @description new and expansion equal the sum of the rows' mrr; contraction and churn minus that sum; total the sum of the deals' MRR in force. A renewal lists both sides under the figure its net falls in.
         */
        get: operations["MrrReadModelController_deals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The lifecycle funnel per original source or cohort month, with first- and last-touch attribution
         * @description Contacts are those created in [from, to] (UTC days), merged duplicates counted through their primary; deals those created in [from, to]. Everything stands as of asOf: stage changes, touches, associations and outcomes after it are left out. A contact counts at every stage up to the furthest it reached (a skipped stage counts as passed; evangelist is past customer); times between stages are over contacts that entered both. Touches: the contact's creation (its source), page views with a utm_source or from another site (the referring host; direct without a referrer), forms with a utm_source field, email clicks (utm_source or email). First touch: the earliest touch of the deal's contacts at or before its creation; last touch: the latest. Drill-downs: GET /v1/read-models/funnel/contacts?stage=&group= (the contacts counted, with the events by which they reached each stage) and GET /v1/read-models/funnel/deals?model=&source= (each deal, its credited touch and outcome events).
         */
        get: operations["FunnelReadModelController_funnel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/funnel/attribution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per attribution model and source: deals created in the range, deals won as of asOf, won amount per currency
         * @description Contacts are those created in [from, to] (UTC days), merged duplicates counted through their primary; deals those created in [from, to]. Everything stands as of asOf: stage changes, touches, associations and outcomes after it are left out. A contact counts at every stage up to the furthest it reached (a skipped stage counts as passed; evangelist is past customer); times between stages are over contacts that entered both. Touches: the contact's creation (its source), page views with a utm_source or from another site (the referring host; direct without a referrer), forms with a utm_source field, email clicks (utm_source or email). First touch: the earliest touch of the deal's contacts at or before its creation; last touch: the latest. Drill-downs: GET /v1/read-models/funnel/contacts?stage=&group= (the contacts counted, with the events by which they reached each stage) and GET /v1/read-models/funnel/deals?model=&source= (each deal, its credited touch and outcome events).
         */
        get: operations["FunnelReadModelController_attribution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/funnel/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Drill-down: the contacts counted at a stage (in one group), with the events behind their counts and times
         * @description Contacts are those created in [from, to] (UTC days), merged duplicates counted through their primary; deals those created in [from, to]. Everything stands as of asOf: stage changes, touches, associations and outcomes after it are left out. A contact counts at every stage up to the furthest it reached (a skipped stage counts as passed; evangelist is past customer); times between stages are over contacts that entered both. Touches: the contact's creation (its source), page views with a utm_source or from another site (the referring host; direct without a referrer), forms with a utm_source field, email clicks (utm_source or email). First touch: the earliest touch of the deal's contacts at or before its creation; last touch: the latest. Drill-downs: GET /v1/read-models/funnel/contacts?stage=&group= (the contacts counted, with the events by which they reached each stage) and GET /v1/read-models/funnel/deals?model=&source= (each deal, its credited touch and outcome events).
         */
        get: operations["FunnelReadModelController_contacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/funnel/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Drill-down: the deals behind an attribution row, each with its credited touch and outcome events
         * @description Contacts are those created in [from, to] (UTC days), merged duplicates counted through their primary; deals those created in [from, to]. Everything stands as of asOf: stage changes, touches, associations and outcomes after it are left out. A contact counts at every stage up to the furthest it reached (a skipped stage counts as passed; evangelist is past customer); times between stages are over contacts that entered both. Touches: the contact's creation (its source), page views with a utm_source or from another site (the referring host; direct without a referrer), forms with a utm_source field, email clicks (utm_source or email). First touch: the earliest touch of the deal's contacts at or before its creation; last touch: the latest. Drill-downs: GET /v1/read-models/funnel/contacts?stage=&group= (the contacts counted, with the events by which they reached each stage) and GET /v1/read-models/funnel/deals?model=&source= (each deal, its credited touch and outcome events).
         */
        get: operations["FunnelReadModelController_deals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The forecast of a month as it stood at a date: weighted open deals plus won deals, per currency and converted
         * @description The forecast of a month is the open deals whose expected close date falls in it, each weighted by its stage's probability, plus the deals won in it (by the UTC date of the win) in full, as the log stood at asOf: a deal moved, re-dated or re-priced since counts as it was then, one created since not at all. Per currency, never added across currencies; with currency= each deal is also converted at the rate in force on its figure's date (expected close when open, close date when won), naming the rate and its date; a deal without a rate is listed under converted.gaps and left out of the converted totals, never counted as 0. Drill-down: data.deals (or GET /v1/read-models/forecast/deals for one CSV row per deal) names each deal, the event of the deal version used and of the pipeline version whose probability weighted it.
         */
        get: operations["ForecastController_forecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/forecast/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The forecast's drill-down: one row per deal, with the versions used and its conversion
         * @description The forecast of a month is the open deals whose expected close date falls in it, each weighted by its stage's probability, plus the deals won in it (by the UTC date of the win) in full, as the log stood at asOf: a deal moved, re-dated or re-priced since counts as it was then, one created since not at all. Per currency, never added across currencies; with currency= each deal is also converted at the rate in force on its figure's date (expected close when open, close date when won), naming the rate and its date; a deal without a rate is listed under converted.gaps and left out of the converted totals, never counted as 0. Drill-down: data.deals (or GET /v1/read-models/forecast/deals for one CSV row per deal) names each deal, the event of the deal version used and of the pipeline version whose probability weighted it.
         */
        get: operations["ForecastController_forecastDeals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/forecast-accuracy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Forecast accuracy and waterfall: what was forecast for a month at each date asked against what closed won in it
         * @description For each date in asOf, the forecast of the month as it stood then (see GET /v1/read-models/forecast) and its difference to the actual: the deals won in the month as the history stands now. The steps chain the dates in the order given and end at the actual; each splits the change into deals added to the month, removed from it (lost, moved to another month, not won by the end), won (their amount less their weighted figure) and changed (amount, stage, probability), with every deal's move and the event behind it. With currency= the same in that currency, each figure converted on its own date.
         */
        get: operations["ForecastController_accuracy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open tickets per pipeline stage, with their average and oldest age in days as of asOf */
        get: operations["TicketsReadModelController_openByStage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/tickets/created-per-week": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tickets created per ISO week (labelled by its Monday) per pipeline; default: the last 12 weeks */
        get: operations["TicketsReadModelController_createdPerWeek"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/lead-scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lead scores of contacts (merged duplicates left out), each as of its latest activity */
        get: operations["LeadScoresController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/lead-scores/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact's lead score: fit, engagement, total, qualification, the formula and the as-of instant; with asOf and/or formulaId, derived from the event log as it was then (or would have been under that formula) */
        get: operations["LeadScoresController_one"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/lead-scores/{contactId}/contributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every rule match and scored event behind a lead score; their counted points add up to the total */
        get: operations["LeadScoresController_contributions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/lead-scores/{contactId}/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Provenance of a lead score: every contribution (event, stream, revision, position, rule, raw points, decay, what the rule cap, group limit and total limit cut) and the formula; they add up to the score */
        get: operations["LeadScoresController_explain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/lead-scores/{contactId}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Re-derives the contact's stored score from the event log alone with the active build's formula, as of the stored as-of instant, and lists every field that differs */
        get: operations["LeadScoresController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything that happened to a contact, newest first, paged */
        get: operations["ContactTimelineController_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/timelines/{type}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything that happened to a record, newest first, paged: its own events, and the engagements on the records associated with it */
        get: operations["TimelinesController_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/streams/all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event of the log as Server-Sent Events: catch-up from a position, then live */
        get: operations["StreamsController_all"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/streams/{category}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One category's events (the streams named <category>-<id>) as Server-Sent Events */
        get: operations["StreamsController_category"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every webhook subscription with its position and status (never its secret) */
        get: operations["WebhooksController_list"];
        put?: never;
        /** Subscribe a URL to event types; deliveries start with the events appended from now on */
        post: operations["WebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook subscription: position, status, and the parked event when paused by failures */
        get: operations["WebhooksController_get"];
        put?: never;
        post?: never;
        /** Delete the subscription and its delivery log */
        delete: operations["WebhooksController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop delivering; the position is kept */
        post: operations["WebhooksController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver again from the position (from the parked event, when paused by failures) */
        post: operations["WebhooksController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver again every matching event after a position (receivers drop duplicates by event id) */
        post: operations["WebhooksController_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log, newest first: status, attempt, latency, response code, error */
        get: operations["WebhooksController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/asyncapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** AsyncAPI 3.0: the SSE channels and the webhook deliveries, with every event type's schema */
        get: operations["AsyncApiController_document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/associations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Associate two records of different object types, with a label or without (nothing changes when they already are) */
        put: operations["AssociationsController_associate"];
        post?: never;
        /** Remove one label of two associated records, or every label (nothing changes when there is none) */
        delete: operations["AssociationsController_dissociate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/associations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The records associated with one of the contacts, a row per label, by type, id and label; paged */
        get: operations["RecordAssociationsController_contact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/companies/{id}/associations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The records associated with one of the companies, a row per label, by type, id and label; paged */
        get: operations["RecordAssociationsController_company"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{id}/associations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The records associated with one of the deals, a row per label, by type, id and label; paged */
        get: operations["RecordAssociationsController_deal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}/associations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The records associated with one of the tickets, a row per label, by type, id and label; paged */
        get: operations["RecordAssociationsController_ticket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every workflow with its current version and status */
        get: operations["WorkflowsController_list"];
        put?: never;
        /** Save a workflow definition as version 1, a draft that acts on nothing until activated */
        post: operations["WorkflowsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/validation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate a definition without saving it: 200 with its hash, or a 400 listing every error */
        post: operations["WorkflowsController_validate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One workflow: its current version, status and definition */
        get: operations["WorkflowsController_get"];
        /** Save a new version of the definition; an active workflow stays active on it. If-Match: the version you edited */
        put: operations["WorkflowsController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/activation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate the current version; only what happens from now on enrols, unless enrolExisting.asOf is given */
        post: operations["WorkflowsController_activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause: nothing enrols and no step runs until activated again; waiting runs resume then */
        post: operations["WorkflowsController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every enrolment, newest first: the trigger event and the values that matched, each step taken or skipped with the values that decided it, and the events each action produced */
        get: operations["WorkflowsController_runs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/simulations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Back-test the current version over a window of history without acting: who would have enrolled, which actions would have fired, how many per day */
        post: operations["WorkflowsController_simulate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/parked-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events the runner parked for this workflow after its judging kept failing (the others went on): the error, the attempts, and how each was resolved */
        get: operations["WorkflowsController_parkedEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/parked-events/{eventId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Judge a parked event again now, on the version it was parked under, against the record as it is now; exactly once as always. A failure leaves it parked with the new error */
        post: operations["WorkflowsController_retryParked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/parked-events/{eventId}/skip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give up on a parked event for good, saying why: the workflow never judges it, re-reads of the log included */
        post: operations["WorkflowsController_skipParked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{id}/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What this workflow's schedule trigger will enrol, and when: each record's date and due instant, soonest first */
        get: operations["WorkflowsController_schedules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/goals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a goal (quota) for an owner or a team and a month or quarter: won amount, deals won, calls or meetings logged */
        post: operations["GoalsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/goals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a goal: it leaves the goals read model; its events stay in the log */
        delete: operations["GoalsController_remove"];
        options?: never;
        head?: never;
        /** Change a goal's target */
        patch: operations["GoalsController_changeTarget"];
        trace?: never;
    };
    "/v1/read-models/goals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Goals with target, actual, attainment, remaining and pace at asOf, each with its drill-down
         * @description Each goal answers its drill-down in place: `deals` (won-amount, deals-won) or `engagements` (calls, meetings) list every record counted with the ids of the events behind it, and `goalEventIds` the events that set the goal. A won deal counts for the owner its win names and that owner's team at the win, on the UTC day of the win; reopening takes it out. A `reporting` goal converts each deal at its win date and names the rate and its date; a deal with no rate is listed under `gaps` and left out of actual, never counted as 0.
         */
        get: operations["GoalsReadModelController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every survey, newest first, with how many links were answered (the survey-results read model) */
        get: operations["SurveysController_list"];
        put?: never;
        /** Define a survey: NPS (0-10), CES (1-7) or CSAT (1-5), with its question */
        post: operations["SurveysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/surveys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A survey as its stream says now, with its revision */
        get: operations["SurveysController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/surveys/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a contact (optionally about a ticket) a response link: a signed token, answered once without an API key */
        post: operations["SurveysController_issueLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/survey-responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a survey link (public, no API key): the token, the score in the survey type's range, an optional comment */
        post: operations["SurveyResponsesController_respond"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/nps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * NPS: promoters (9-10), passives (7-8), detractors (0-6) and score = % promoters - % detractors (1 decimal, half to even)
         * @description Per survey or over every NPS survey, over UTC days; groupBy adds the same per period (the answer's UTC month), team (of the contact's owner when answered) or ticketPipeline (of the linked ticket). 9, 10 and 3 score 33.3.
         */
        get: operations["SurveyResultsController_nps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/ces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CES (1-7, 7 = very easy): answers, average (2 decimals, half to even), distribution and categories, optionally per group */
        get: operations["SurveyResultsController_ces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/csat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CSAT (1-5): answers, average (2 decimals, half to even), distribution and categories, optionally per group */
        get: operations["SurveyResultsController_csat"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/read-models/survey-comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The answers with a comment, newest first, a page at a time; by survey, type, category and UTC days */
        get: operations["SurveyResultsController_comments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every form with its version, field count and submissions so far, oldest first (JSON or CSV) */
        get: operations["FormsListController_list"];
        put?: never;
        /** Define a form: its fields (type, label, required, rules, the contact field or property each fills in) and settings */
        post: operations["FormsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A form's current definition (public: a page that embeds the form reads it without a key) */
        get: operations["FormsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight for reading a form from a page of one of its allowed origins */
        options: operations["FormsController_preflightForm"];
        head?: never;
        /** Change a form: a new version (name, the whole list of fields, or settings merged into the current ones) */
        patch: operations["FormsController_update"];
        trace?: never;
    };
    "/v1/forms/{id}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a form (public, no key): creates the contact (201) or updates the one with that email (200), records FormSubmitted with the page and its UTM parameters. A browser form post (urlencoded) is answered with the thank-you page, a 303 to the redirect URL, or the form again with its errors */
        post: operations["FormsController_submit"];
        delete?: never;
        /** CORS preflight for a submission from a page of one of the form's allowed origins */
        options: operations["FormsController_preflightSubmission"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/f/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hosted form page (public HTML): link to it, or frame it from an allowed origin; hidden fields take query parameters of their name */
        get: operations["HostedFormController_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling key's role, id and permissions */
        get: operations["SessionController_session"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/snippets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The snippet called by #shortcut, or the snippets by shortcut (those starting with prefix), at most 500
         * @description With shortcut: data holds the one snippet holding it (read from its claim, so a write is seen at once), or none. Without: the read model, by shortcut.
         */
        get: operations["SnippetsController_list"];
        put?: never;
        /** Write a snippet: a plain-text template with {{variables}}, called by its unique #shortcut */
        post: operations["SnippetsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/snippets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A snippet as its stream stands now */
        get: operations["SnippetsController_get"];
        put?: never;
        post?: never;
        /** Delete a snippet: its shortcut is free again; its events stay in the log */
        delete: operations["SnippetsController_remove"];
        options?: never;
        head?: never;
        /** Change a snippet's shortcut, name or body */
        patch: operations["SnippetsController_update"];
        trace?: never;
    };
    "/v1/snippets/{id}/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Render a snippet for a contact, company, deal or ticket (a read: nothing is written)
         * @description Each value is inserted as plain text, as the record holds it: nothing is escaped or interpreted, so a client that puts the text into HTML escapes it there. A variable with no value is never blanked: its {{placeholder}} stays in `text` and it is listed in `missing`.
         */
        post: operations["SnippetsController_render"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/playbooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Playbooks by name, a team's only when asked, the archived ones with archived=true; at most 500 */
        get: operations["PlaybooksController_list"];
        put?: never;
        /** Write a playbook for a team: questions (text, choice, number), each optionally mapped to a contact property */
        post: operations["PlaybooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/playbooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A playbook as its stream stands now: its current version */
        get: operations["PlaybooksController_get"];
        put?: never;
        post?: never;
        /** Archive a playbook: it can no longer be run; past runs stay on their engagements */
        delete: operations["PlaybooksController_archive"];
        options?: never;
        head?: never;
        /** Revise a playbook's name or questions: a new version (runs name the version they followed) */
        patch: operations["PlaybooksController_revise"];
        trace?: never;
    };
    "/v1/engagements/{id}/playbook-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a playbook run on a call or meeting: the answers as structured data; mapped answers update the contact
         * @description The run is a PlaybookRunRecorded event on the engagement's stream; each answer whose question maps to a contact property sets it through the contact's ordinary ContactPropertiesChanged, whose causation id is the run's event. Resend with the same Idempotency-Key after a failure: neither is written twice.
         */
        post: operations["PlaybookRunsController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything Tally holds about a person (GDPR access and portability), as one JSON document
         * @description Streamed as it is read (chunked, no size cap): events one at a time, read models page by page. An erased contact answers its redacted document with erased: true. A failure after the first byte cuts the connection, so a truncated document never parses.
         */
        get: operations["PrivacyController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/erasure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase a person (GDPR Art. 17): records ContactErased and destroys the person's data key
         * @description The events keep their place in the log with the personal fields redacted; read models purge or redact the person as they catch up (wait with the position). Every later command on the contact answers 410 Gone.
         */
        post: operations["ContactErasureController_erase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        HealthView: {
            /** @enum {string} */
            status: "ok";
            /**
             * @description The last position of the event log (null: no event yet)
             * @example 1042
             */
            headPosition: string | null;
        };
        CreateKeyDto: {
            /** @example warehouse loader */
            name: string;
            /** @enum {string} */
            role: "super-admin" | "marketing" | "sales" | "service" | "auditor" | "reporting" | "integrator";
            /**
             * Format: uuid
             * @description Binds the key to this owner: its engagements are the owner's and GET /v1/tasks lists the owner's tasks
             */
            ownerId?: string;
        };
        CreatedKeyView: {
            /** @example 3k9x0c2m7q1w8e5r */
            keyId: string;
            /** @example warehouse loader */
            name: string;
            /** @enum {string} */
            role: "super-admin" | "marketing" | "sales" | "service" | "auditor" | "reporting" | "integrator";
            /**
             * Format: uuid
             * @description The owner the key acts for; null: bound to no one
             */
            ownerId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The key that created it (key:<id>), or the CLI */
            createdBy: string;
            /**
             * Format: date-time
             * @description null while the key works
             */
            revokedAt: string | null;
            /**
             * @description The key to send as Authorization: Bearer <secret>; shown only now
             * @example tly_3k9x0c2m7q1w8e5r_...
             */
            secret: string;
        };
        KeyView: {
            /** @example 3k9x0c2m7q1w8e5r */
            keyId: string;
            /** @example warehouse loader */
            name: string;
            /** @enum {string} */
            role: "super-admin" | "marketing" | "sales" | "service" | "auditor" | "reporting" | "integrator";
            /**
             * Format: uuid
             * @description The owner the key acts for; null: bound to no one
             */
            ownerId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The key that created it (key:<id>), or the CLI */
            createdBy: string;
            /**
             * Format: date-time
             * @description null while the key works
             */
            revokedAt: string | null;
        };
        KeyList: {
            data: components["schemas"]["KeyView"][];
        };
        CatalogEntryView: {
            /** @example ContactCreated */
            type: string;
            /** @example 2 */
            schemaVersion: number;
            description: string;
            /** @description The JSON Schema of the event's data */
            schema: {
                [key: string]: unknown;
            };
        };
        EventCatalogView: {
            data: components["schemas"]["CatalogEntryView"][];
        };
        ParkedEventView: {
            eventId: string;
            type: string;
            position: string;
            /** @description Why the projection could not apply it */
            error: string;
        };
        SkippedEventView: {
            eventId: string;
            position: string;
            reason: string;
            skippedBy: string;
            /** Format: date-time */
            skippedAt: string;
        };
        BuildStatusView: {
            /** @example lead-score */
            name: string;
            version: number;
            /** @description The projection code's version the build runs */
            codeVersion: number;
            /** @enum {string} */
            state: "building" | "active" | "retired" | "dropped";
            /**
             * @description What the build is doing now
             * @enum {string}
             */
            status: "catching-up" | "live" | "parked" | "rebuilding" | "stopped";
            /** @description What the build was started with (lead-score: its formula) */
            params: {
                [key: string]: unknown;
            };
            /** @description Every event up to here is applied */
            position: string | null;
            eventsProcessed: number;
            lagEvents: number | null;
            lagMs: number | null;
            eventsPerSecond: number | null;
            /** @description The event the build stopped on, until resumed or skipped */
            parked: components["schemas"]["ParkedEventView"] | null;
            skipped: components["schemas"]["SkippedEventView"][];
            /** @description Replaces the active build behind the views once it has caught up */
            activateWhenCaughtUp: boolean;
        };
        BuildList: {
            data: components["schemas"]["BuildStatusView"][];
        };
        RebuildDto: {
            /** @description Build and report, but never replace the active build */
            dryRun?: boolean;
            /** @description lead-score only: the saved formula to score with */
            formulaId?: string;
            /** @description lead-score only: why the formula changes (required unless dryRun); recorded in the log */
            reason?: string;
        };
        RebuildStartedView: {
            name: string;
            /** @description The new build; follow it at /v1/projections/{name}/rebuilds/{version} */
            version: number;
            /** @description lead-score: the formula the build scores with */
            formulaId?: string;
        };
        RebuildProgressView: {
            /** @example lead-score */
            name: string;
            version: number;
            /** @description The projection code's version the build runs */
            codeVersion: number;
            /** @enum {string} */
            state: "building" | "active" | "retired" | "dropped";
            /**
             * @description What the build is doing now
             * @enum {string}
             */
            status: "catching-up" | "live" | "parked" | "rebuilding" | "stopped";
            /** @description What the build was started with (lead-score: its formula) */
            params: {
                [key: string]: unknown;
            };
            /** @description Every event up to here is applied */
            position: string | null;
            eventsProcessed: number;
            lagEvents: number | null;
            lagMs: number | null;
            eventsPerSecond: number | null;
            /** @description The event the build stopped on, until resumed or skipped */
            parked: components["schemas"]["ParkedEventView"] | null;
            skipped: components["schemas"]["SkippedEventView"][];
            /** @description Replaces the active build behind the views once it has caught up */
            activateWhenCaughtUp: boolean;
            /** @description Seconds left at the current rate (null: unknown) */
            etaSeconds: number | null;
        };
        QualificationTransitionView: {
            /** @enum {string} */
            from: "none" | "mql" | "sql";
            /** @enum {string} */
            to: "none" | "mql" | "sql";
            contacts: number;
        };
        ScoreMoverView: {
            /** Format: uuid */
            contactId: string;
            before: number;
            after: number;
            change: number;
            /** @enum {string} */
            qualificationBefore: "none" | "mql" | "sql";
            /** @enum {string} */
            qualificationAfter: "none" | "mql" | "sql";
        };
        ReplayReportView: {
            version: number;
            /** @description The build compared with */
            against: number;
            formulaId: string | null;
            againstFormulaId: string | null;
            position: string | null;
            againstPosition: string | null;
            /** @description Contacts scored by both builds (merged duplicates left out) */
            compared: number;
            /** @description Contacts only the build compared with has scored yet */
            onlyBefore: number;
            /** @description Contacts only this build has scored yet */
            onlyAfter: number;
            scoreChanged: number;
            qualificationChanged: number;
            /** @description Every from -> to pair with its count, both directions */
            transitions: components["schemas"]["QualificationTransitionView"][];
            /** @description The largest absolute score changes, largest first */
            topMovers: components["schemas"]["ScoreMoverView"][];
        };
        SkipDto: {
            /** @description The event the build is parked on (its id, as the status shows it) */
            eventId: string;
            /** @description Why the read model may go on without it; recorded in the log with who and when */
            reason: string;
        };
        ResumedView: {
            name: string;
            /** @enum {boolean} */
            resumed: true;
        };
        ImportRejectionView: {
            /** @description The line number, from 1 */
            line: number;
            reason: string;
            /** @description The id of the event on the line, when it has one */
            eventId?: string;
        };
        ImportReportView: {
            lines: number;
            /** @description Newly stored */
            accepted: number;
            /** @description Already stored by an earlier run: skipped, not stored twice */
            duplicates: number;
            rejected: number;
            /** @description The first rejections, with their reasons (all are counted) */
            rejections: components["schemas"]["ImportRejectionView"][];
        };
        FormulaIssueView: {
            /**
             * @description JSON Pointer into the formula document ("" for the whole)
             * @example /fit/0/points
             */
            path: string;
            reason: string;
        };
        SavedFormulaView: {
            /**
             * @description SHA-256 of the canonical JSON of the formula
             * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
             */
            id: string;
            /** @description Revision of the formula registry stream */
            revision: number;
            /** @description Position of the event written (null: saved already) */
            position: string | null;
            /** @description What is allowed but probably not meant */
            warnings: components["schemas"]["FormulaIssueView"][];
        };
        FormulaSummaryView: {
            /**
             * @description SHA-256 of the canonical JSON of the formula
             * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
             */
            id: string;
            name: string;
            /** @description Lead scores are built with it */
            active: boolean;
            /** @description The formula document as saved */
            formula: {
                [key: string]: unknown;
            };
        };
        FormulaList: {
            data: components["schemas"]["FormulaSummaryView"][];
        };
        BacktestDto: {
            /** @description One saved formula, or two to compare side by side */
            formulaIds: string[];
            /**
             * @description Score each contact this many days before its deal closed
             * @default 30
             */
            horizonDays: number;
        };
        DecileView: {
            decile: number;
            samples: number;
            won: number;
            winRate: number;
            minScore: number;
            maxScore: number;
        };
        WinRateView: {
            mql: number | null;
            sql: number | null;
            /** @description MQL or SQL */
            qualified: number | null;
            /** @description Neither */
            rest: number | null;
        };
        MissedWinView: {
            /** Format: uuid */
            contactId: string;
            /** Format: uuid */
            dealId: string;
            score: number;
            /** Format: date-time */
            closedAt: string;
        };
        BacktestReportView: {
            /**
             * @description SHA-256 of the canonical JSON of the formula
             * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
             */
            formulaId: string;
            formulaName: string;
            horizonDays: number;
            samples: number;
            won: number;
            lost: number;
            /** @description Probability that a won sample outscored a lost one; 0.5 is a coin toss */
            auc: number | null;
            deciles: components["schemas"]["DecileView"][];
            winRate: components["schemas"]["WinRateView"];
            /** @description Contacts of won deals that scored below the MQL threshold */
            wonBelowMql: components["schemas"]["MissedWinView"][];
        };
        BacktestView: {
            horizonDays: number;
            /** @description One report per formula, in the order asked */
            data: components["schemas"]["BacktestReportView"][];
        };
        ScoreMismatchDto: {
            /** Format: uuid */
            contactId: string;
            /** @enum {string} */
            field: "total" | "fit" | "engagement" | "qualification" | "formulaId" | "missing";
            stored: (string | null) | number;
            derived: (string | null) | number;
        };
        VerifyReportDto: {
            version: number;
            formulaId: string;
            /** @description The log was read up to this position */
            position: string | null;
            checked: number;
            mismatches: components["schemas"]["ScoreMismatchDto"][];
        };
        CreateOwnerDto: {
            /** @example Ada Lovelace */
            name: string;
            /** @example ada@example.com */
            email: string;
            /** @example EMEA sales */
            team?: string | null;
            /** @enum {string} */
            role: "super-admin" | "marketing" | "sales" | "service";
        };
        CommandResponse: {
            /** @description The id of the record the command acted on */
            id: string;
            /** @description The stream revision after the command; send it back as If-Match */
            revision: number;
            /** @description Global position of the last event written (null when nothing changed); pass as minPosition to read your write */
            position?: string | null;
            /** @description The types of the events the command appended */
            events: string[];
        };
        UpdateOwnerDto: {
            name?: string;
            email?: string;
            /** @description null clears the team */
            team?: string | null;
            /** @enum {string} */
            role?: "super-admin" | "marketing" | "sales" | "service";
        };
        PipelineStageView: {
            id: string;
            label: string;
            probability: number;
            /** @enum {string|null} */
            closed: "won" | "lost" | null;
            stuckAfterDays: number | null;
            /** @description Archived stages take no new records; records already there keep them */
            archived: boolean;
        };
        PipelineView: {
            pipelineId: string;
            /** @enum {string} */
            objectType: "deal" | "ticket";
            name: string;
            /** @description Non-archived stages in display order, then the archived ones */
            stages: components["schemas"]["PipelineStageView"][];
            revision: number;
        };
        PipelineList: {
            items: components["schemas"]["PipelineView"][];
        };
        PipelineStageDto: {
            /**
             * @description Stable forever: 1-100 letters, digits, - or _, starting with a letter or digit
             * @example demo
             */
            id: string;
            /** @example Demo scheduled */
            label: string;
            /**
             * @description Win probability forecasts weight open deals by
             * @example 0.5
             */
            probability: number;
            /**
             * @description A closed stage; ticket pipelines use 'won' for resolved
             * @enum {string}
             */
            closed?: "won" | "lost";
            /** @description Open stages only: a record here longer than this is stuck */
            stuckAfterDays?: number;
        };
        CreatePipelineDto: {
            /** @enum {string} */
            objectType: "deal" | "ticket";
            /** @example Enterprise sales */
            name: string;
            /** @description In display order */
            stages: components["schemas"]["PipelineStageDto"][];
        };
        RenamePipelineDto: {
            /** @example Enterprise sales */
            name: string;
        };
        AddPipelineStageDto: {
            stage: components["schemas"]["PipelineStageDto"];
            /** @description Index among the non-archived stages; omitted appends at the end */
            position?: number;
        };
        UpdatePipelineStageDto: {
            /** @example Demo done */
            label?: string;
            probability?: number;
        };
        ReorderPipelineStagesDto: {
            /** @description Every non-archived stage id, once, in the new order */
            stageIds: string[];
        };
        DealStageTotalDto: {
            stageId: string;
            /** @example EUR */
            currency: string;
            /** @description The deals in this stage and currency, whatever their outcome */
            deals: number;
            /**
             * @description Their exact sum. A decimal string with exactly the currency's minor-unit digits: JPY "150000", USD "1200.50", BHD "1.250"
             * @example 12000.00
             */
            total: string;
        };
        DealView: {
            dealId: string;
            name: string;
            pipelineId: string;
            stageId: string;
            /** @enum {string} */
            outcome: "open" | "won" | "lost";
            /**
             * @description A decimal string with exactly the currency's minor-unit digits: JPY "150000", USD "1200.50", BHD "1.250"
             * @example 12000.00
             */
            amount: string;
            currency: string;
            /** @enum {string} */
            revenueType: "one-off" | "recurring";
            /**
             * @description null for a one-off deal
             * @enum {string|null}
             */
            billingPeriod: "month" | "quarter" | "year" | null;
            contractTermMonths: number;
            /**
             * @description amount / contractTermMonths of a recurring deal (half to even); null for one-off
             * @example 1000.00
             */
            mrr: string | null;
            /**
             * @description mrr × 12; null for one-off
             * @example 12000.00
             */
            arr: string | null;
            /** @description The deal this one renews */
            renewsDealId: string | null;
            /**
             * @description The expected close
             * @example 2026-03-31
             */
            closeDate: string;
            /**
             * Format: date-time
             * @description When it was last won or lost (business time); null while open
             */
            closedAt: string | null;
            ownerId: string | null;
            contactIds: string[];
            /** @description The primary company */
            companyId: string | null;
            /** @description The other companies */
            companyIds: string[];
            /** @description Custom properties with a value */
            properties: {
                [key: string]: unknown;
            };
            revision: number;
        };
        CreateDealDto: {
            /** @example Acme, 50 seats */
            name: string;
            /**
             * @description The deal pipeline; default 'default'
             * @example default
             */
            pipelineId?: string;
            /**
             * @description Default: the pipeline's first open stage
             * @example qualifiedtobuy
             */
            stageId?: string;
            /**
             * @description A decimal string, from 0 to 999999999999, with at most the currency's minor-unit digits (JPY 0, USD 2, BHD 3): "1200.50". A JSON number is accepted too (taken at its shortest text); answers carry the canonical string.
             * @example 12000.00
             */
            amount: string;
            /**
             * @description ISO 4217
             * @example USD
             */
            currency: string;
            /**
             * @description recurring: amount is the contract value over contractTermMonths (MRR = amount / term)
             * @default one-off
             * @enum {string}
             */
            revenueType: "one-off" | "recurring";
            /**
             * @description How a recurring deal is invoiced; default 'month'; absent or null for a one-off deal
             * @enum {string|null}
             */
            billingPeriod?: "month" | "quarter" | "year" | null;
            /** @default 12 */
            contractTermMonths: number;
            /**
             * Format: uuid
             * @description The earlier recurring deal this one renews (its MRR replaces that deal's)
             */
            renewsDealId?: string | null;
            /**
             * @description Expected close; default: the end of this month
             * @example 2026-03-31
             */
            closeDate?: string;
            /** Format: uuid */
            ownerId?: string;
            contactIds?: string[];
            /**
             * Format: uuid
             * @description The primary company
             */
            companyId?: string;
            companyIds?: string[];
            /**
             * @description Custom properties, each defined for deals (GET /v1/properties/deals); a unique one must be free
             * @example {
             *       "advertiser_id": "ADV-1042",
             *       "seats": 12,
             *       "renewal_on": "2027-01-31"
             *     }
             */
            properties?: {
                [key: string]: (string | null) | number | boolean;
            };
            /** @description Required when stageId is a lost stage */
            lostReason?: string;
        };
        MoveDealToStageDto: {
            /** @example contractsent */
            stageId: string;
            /** @description Required when stageId is a lost stage */
            lostReason?: string;
        };
        ReopenDealDto: {
            /**
             * @description The open stage the deal goes back to
             * @example contractsent
             */
            stageId: string;
        };
        UpdateDealDto: {
            name?: string;
            /**
             * @description A decimal string, from 0 to 999999999999, with at most the currency's minor-unit digits (JPY 0, USD 2, BHD 3): "1200.50". A JSON number is accepted too (taken at its shortest text); answers carry the canonical string.
             * @example 15000.00
             */
            amount?: string;
            /** @example EUR */
            currency?: string;
            /** @enum {string} */
            revenueType?: "one-off" | "recurring";
            /**
             * @description Recurring deals only; becoming recurring without one: 'month' (or the one it had)
             * @enum {string|null}
             */
            billingPeriod?: "month" | "quarter" | "year" | null;
            /** @description Whole months; for a recurring deal MRR is amount / contractTermMonths */
            contractTermMonths?: number;
            /** @example 2026-03-31 */
            closeDate?: string;
            /**
             * Format: uuid
             * @description null unassigns
             */
            ownerId?: string | null;
            /**
             * @description Only the custom properties to set; null clears one
             * @example {
             *       "advertiser_id": "ADV-1042",
             *       "seats": 12,
             *       "renewal_on": "2027-01-31"
             *     }
             */
            properties?: {
                [key: string]: (string | null) | number | boolean;
            };
        };
        AssociateDealContactDto: {
            /** Format: uuid */
            contactId: string;
        };
        AssociateDealCompanyDto: {
            /** Format: uuid */
            companyId: string;
        };
        TicketView: {
            ticketId: string;
            subject: string;
            pipelineId: string;
            stageId: string;
            /** @enum {string} */
            status: "open" | "closed";
            /** @enum {string} */
            priority: "low" | "medium" | "high" | "urgent";
            ownerId: string | null;
            /** @description The first of contactIds */
            contactId: string | null;
            /** @description The first of dealIds */
            dealId: string | null;
            contactIds: string[];
            companyIds: string[];
            dealIds: string[];
            /** @description Custom properties with a value */
            properties: {
                [key: string]: unknown;
            };
            revision: number;
        };
        CreateTicketDto: {
            /** @example Cannot export invoices */
            subject: string;
            /**
             * @description The ticket pipeline; default 'support'
             * @example support
             */
            pipelineId?: string;
            /**
             * @description Default: the pipeline's first open stage
             * @example new
             */
            stageId?: string;
            /** @enum {string} */
            priority: "low" | "medium" | "high" | "urgent";
            /** Format: uuid */
            ownerId?: string;
            /**
             * Format: uuid
             * @description One contact; the same as contactIds: [contactId]
             */
            contactId?: string;
            /**
             * Format: uuid
             * @description One deal; the same as dealIds: [dealId]
             */
            dealId?: string;
            contactIds?: string[];
            companyIds?: string[];
            dealIds?: string[];
            /**
             * @description Custom properties, each defined for tickets (GET /v1/properties/tickets); a unique one must be free
             * @example {
             *       "advertiser_id": "ADV-1042",
             *       "seats": 12,
             *       "renewal_on": "2027-01-31"
             *     }
             */
            properties?: {
                [key: string]: (string | null) | number | boolean;
            };
        };
        UpdateTicketDto: {
            /**
             * @description Only the custom properties to set; null clears one
             * @example {
             *       "advertiser_id": "ADV-1042",
             *       "seats": 12,
             *       "renewal_on": "2027-01-31"
             *     }
             */
            properties?: {
                [key: string]: (string | null) | number | boolean;
            };
        };
        MoveTicketToStageDto: {
            /** @example closed */
            stageId: string;
        };
        AssignTicketOwnerDto: {
            /**
             * Format: uuid
             * @description null unassigns
             */
            ownerId: string | null;
        };
        ChangeTicketPriorityDto: {
            /** @enum {string} */
            priority: "low" | "medium" | "high" | "urgent";
        };
        LogEngagementDto: {
            /** @enum {string} */
            kind: "email" | "call" | "meeting" | "note" | "task";
            /**
             * Format: uuid
             * @description Who had the call, sent the email, owns the task; with a key bound to an owner: that owner (default), another is 403
             */
            ownerId?: string;
            /**
             * @description When it happened (default: now); at most 5 minutes ahead of the server clock; stored in UTC
             * @example 2026-01-15T10:30:00+01:00
             */
            occurredAt?: string;
            /** @description Required for tasks (their title) */
            subject?: string;
            body?: string;
            /** @description Calls and meetings only */
            durationMinutes?: number;
            /**
             * @description Calls and meetings only
             * @example connected
             */
            outcome?: string;
            /**
             * @description Tasks only; stored in UTC
             * @example 2026-01-20T17:00:00Z
             */
            dueAt?: string;
            /**
             * @description Tasks only
             * @enum {string}
             */
            priority?: "low" | "medium" | "high";
            contactIds?: string[];
            companyIds?: string[];
            dealIds?: string[];
            ticketIds?: string[];
        };
        UpdateEngagementDto: {
            /**
             * @description null or blank clears it
             * @example Send the signed proposal
             */
            subject?: string | null;
            /**
             * @description null or blank clears it
             * @example Prefers annual billing
             */
            body?: string | null;
            /**
             * @description null or blank clears it
             * @example connected
             */
            outcome?: string | null;
            /** @description Calls and meetings only; null clears it */
            durationMinutes?: number | null;
            /**
             * @description Tasks only; null clears it
             * @enum {string|null}
             */
            priority?: "low" | "medium" | "high" | null;
        };
        RescheduleTaskDto: {
            /**
             * @description The new due time, with seconds and a zone; stored in UTC
             * @example 2026-01-22T17:00:00Z
             */
            dueAt: string;
        };
        CompleteTaskDto: {
            /**
             * Format: uuid
             * @description Who ticked it off; default: the key's owner for a key bound to one (another is 403), else the task's owner
             */
            completedBy?: string;
        };
        EngagementListItemDto: {
            /** Format: uuid */
            engagementId: string;
            /** @enum {string} */
            kind: "email" | "call" | "meeting" | "note" | "task";
            /** Format: uuid */
            ownerId: string;
            /** @description The owner's name (null while the owners list does not know them) */
            ownerName: string | null;
            /** @description A task's title, an email's subject */
            subject: string | null;
            /** @description The note, the email, the call notes */
            body: string | null;
            /** @description Calls and meetings */
            outcome: string | null;
            /** @description Calls and meetings */
            durationMinutes: number | null;
            /**
             * Format: date-time
             * @description When it happened (business time, UTC)
             */
            occurredAt: string;
            /**
             * Format: date-time
             * @description Tasks: when it is due (UTC)
             */
            dueAt: string | null;
            /**
             * @description Tasks only
             * @enum {string|null}
             */
            priority: "low" | "medium" | "high" | null;
            /**
             * @description Tasks only; null for the other kinds
             * @enum {string|null}
             */
            status: "open" | "completed" | null;
            /**
             * Format: date-time
             * @description When the task was completed
             */
            completedAt: string | null;
            /**
             * Format: uuid
             * @description Who completed the task
             */
            completedBy: string | null;
            /** @description The contacts it is tied to */
            contactIds: string[];
            /** @description The companies it is tied to */
            companyIds: string[];
            /** @description The deals it is tied to */
            dealIds: string[];
            /** @description The tickets it is tied to */
            ticketIds: string[];
            /**
             * Format: date-time
             * @description When Tally recorded it
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When Tally recorded its latest change
             */
            updatedAt: string;
        };
        CreateContactDto: {
            /**
             * @description Unique across contacts; stored normalized: trimmed, NFC, lower-cased, without zero-width characters or soft hyphens
             * @example ada@example.com
             */
            email: string;
            /** @example Ada */
            firstName?: string;
            /** @example Lovelace */
            lastName?: string;
            /** @example +44 20 7946 0000 */
            phone?: string;
            /** @example Analyst */
            jobTitle?: string;
            /** @example GB */
            country?: string;
            /** Format: uuid */
            companyId?: string;
            /** Format: uuid */
            ownerId?: string;
            /**
             * @description Custom properties, each defined for contacts (GET /v1/properties/contacts); a unique one must be free
             * @example {
             *       "advertiser_id": "ADV-1042",
             *       "seats": 12,
             *       "renewal_on": "2027-01-31"
             *     }
             */
            properties?: {
                [key: string]: (string | null) | number | boolean;
            };
            /**
             * @description How the contact came in; sets its marketing status by policy
             * @enum {string}
             */
            source: "form" | "import" | "integration" | "conversation" | "manual" | "mobile" | "email-logging" | "meeting" | "api";
        };
        ContactRecord: {
            id: string;
            /** @description The stream revision; send it back as If-Match */
            revision: number;
            email: string;
            firstName: string | null;
            lastName: string | null;
            phone: string | null;
            jobTitle: string | null;
            country: string | null;
            properties: {
                [key: string]: unknown;
            };
            companyId: string | null;
            ownerId: string | null;
            /** @enum {string} */
            source: "form" | "import" | "integration" | "conversation" | "manual" | "mobile" | "email-logging" | "meeting" | "api";
            /** @enum {string} */
            marketingStatus: "marketing" | "non-marketing";
            /** @enum {string} */
            lifecycleStage: "subscriber" | "lead" | "marketing-qualified" | "sales-qualified" | "opportunity" | "customer" | "evangelist" | "other";
            /** @description Contacts merged into this one */
            mergedContactIds: string[];
        };
        MergedContactRecord: {
            id: string;
            /** @description The contact it was merged into; read that one instead */
            mergedInto: string;
        };
        UpdateContactDto: {
            /**
             * @description A new email must not belong to another contact
             * @example ada@example.org
             */
            email?: string;
            /**
             * @description null or blank clears it
             * @example Ada
             */
            firstName?: string | null;
            /**
             * @description null or blank clears it
             * @example Lovelace
             */
            lastName?: string | null;
            /**
             * @description null or blank clears it
             * @example +44 20 7946 0000
             */
            phone?: string | null;
            /**
             * @description null or blank clears it
             * @example Analyst
             */
            jobTitle?: string | null;
            /**
             * @description null or blank clears it
             * @example GB
             */
            country?: string | null;
            /**
             * @description Only the custom properties to set; null clears one
             * @example {
             *       "advertiser_id": "ADV-1042",
             *       "seats": 12,
             *       "renewal_on": "2027-01-31"
             *     }
             */
            properties?: {
                [key: string]: (string | null) | number | boolean;
            };
        };
        ChangeLifecycleStageDto: {
            /** @enum {string} */
            stage: "subscriber" | "lead" | "marketing-qualified" | "sales-qualified" | "opportunity" | "customer" | "evangelist" | "other";
        };
        AssignContactOwnerDto: {
            /**
             * Format: uuid
             * @description null unassigns
             */
            ownerId: string | null;
        };
        ChangeMarketingStatusDto: {
            /** @enum {string} */
            status: "marketing" | "non-marketing";
            /**
             * @description Why; kept on record for billing
             * @example Asked for product updates at the booth
             */
            reason: string;
        };
        AssociateCompanyDto: {
            /** Format: uuid */
            companyId: string;
        };
        MergeContactDto: {
            /**
             * Format: uuid
             * @description The contact merged away into the one in the path
             */
            duplicateId: string;
        };
        RecordPageViewDto: {
            /** @example https://example.com/pricing */
            url: string;
            /** @example Pricing */
            title?: string;
            /** @example https://www.google.com/ */
            referrer?: string;
            /**
             * @description When it happened (RFC 3339 with a time zone, 1900 to 2200); defaults to now, at most 5 minutes ahead; stored in UTC
             * @example 2026-01-15T10:00:00Z
             */
            occurredAt?: string;
        };
        RecordFormSubmissionDto: {
            /** @example newsletter-signup */
            formId: string;
            /**
             * @example {
             *       "company": "Acme",
             *       "seats": "12"
             *     }
             */
            fields: {
                [key: string]: string;
            };
            /**
             * @description When it happened (RFC 3339 with a time zone, 1900 to 2200); defaults to now, at most 5 minutes ahead; stored in UTC
             * @example 2026-01-15T10:00:00Z
             */
            occurredAt?: string;
        };
        RecordEmailEventDto: {
            /** @example campaign-2026-01 */
            emailId: string;
            /**
             * @description unsubscribed records the opt-out; the default workflow marketing-unsubscribed then makes the contact non-marketing
             * @enum {string}
             */
            kind: "delivered" | "opened" | "clicked" | "bounced" | "unsubscribed";
            /**
             * @description The link clicked, for 'clicked'
             * @example https://example.com/offer
             */
            url?: string;
            /**
             * @description When it happened (RFC 3339 with a time zone, 1900 to 2200); defaults to now, at most 5 minutes ahead; stored in UTC
             * @example 2026-01-15T10:00:00Z
             */
            occurredAt?: string;
        };
        CreateCompanyDto: {
            /** @example Acme Ltd */
            name: string;
            /**
             * @description Unique across companies; https://www.Acme.com/about counts as acme.com
             * @example acme.com
             */
            domain?: string;
            /** @example Manufacturing */
            industry?: string;
            /** @example 250 */
            employees?: number;
            /** @example GB */
            country?: string;
            /**
             * @description Custom properties, each defined for companies (GET /v1/properties/companies); a unique one must be free
             * @example {
             *       "advertiser_id": "ADV-1042",
             *       "seats": 12,
             *       "renewal_on": "2027-01-31"
             *     }
             */
            properties?: {
                [key: string]: (string | null) | number | boolean;
            };
        };
        CompanyRecord: {
            id: string;
            /** @description The stream revision; send it back as If-Match */
            revision: number;
            name: string;
            /** @description Normalized: lower-case, no scheme, no www. */
            domain: string | null;
            industry: string | null;
            employees: number | null;
            country: string | null;
            /** @description Custom properties with a value */
            properties: {
                [key: string]: unknown;
            };
            /** @description Companies merged into this one */
            mergedCompanyIds: string[];
        };
        MergedCompanyRecord: {
            id: string;
            /** @description The company it was merged into; read that one instead */
            mergedInto: string;
        };
        UpdateCompanyDto: {
            /** @example Acme Group */
            name?: string;
            /**
             * @description null or blank clears it
             * @example acme.com
             */
            domain?: string | null;
            /**
             * @description null or blank clears it
             * @example Manufacturing
             */
            industry?: string | null;
            /**
             * @description null clears it
             * @example 250
             */
            employees?: number | null;
            /**
             * @description null or blank clears it
             * @example GB
             */
            country?: string | null;
            /**
             * @description Only the custom properties to set; null clears one
             * @example {
             *       "advertiser_id": "ADV-1042",
             *       "seats": 12,
             *       "renewal_on": "2027-01-31"
             *     }
             */
            properties?: {
                [key: string]: (string | null) | number | boolean;
            };
        };
        PropertyOptionDto: {
            /**
             * @description The value records carry
             * @example gold
             */
            value: string;
            /** @example Gold */
            label: string;
        };
        DefinePropertyDto: {
            /**
             * @description Unique per type; never a built-in field
             * @example advertiser_id
             */
            name: string;
            /** @example Advertiser ID */
            label: string;
            /**
             * @description Fixed once defined: a different type is a new property
             * @enum {string}
             */
            type: "string" | "number" | "date" | "datetime" | "boolean" | "enum";
            /** @description The choices of an enum (at least one, values unique); nothing else has options */
            options?: components["schemas"]["PropertyOptionDto"][];
            /**
             * @description No two records of the type may hold the same value (string and number only)
             * @default false
             */
            unique: boolean;
        };
        PropertyOptionView: {
            value: string;
            label: string;
        };
        PropertyDefinitionView: {
            /** @enum {string} */
            objectType: "contact" | "company" | "deal" | "ticket";
            /** @example advertiser_id */
            name: string;
            /** @example Advertiser ID */
            label: string;
            /** @enum {string} */
            type: "string" | "number" | "date" | "datetime" | "boolean" | "enum";
            options: components["schemas"]["PropertyOptionView"][];
            unique: boolean;
            /** @description Removed: writes naming it are refused; values written before stay in the log */
            removed: boolean;
        };
        PropertyDefinitionList: {
            items: components["schemas"]["PropertyDefinitionView"][];
        };
        ChangePropertyDto: {
            /** @example Advertiser */
            label?: string;
            /** @description The choices of an enum (at least one, values unique); nothing else has options */
            options?: components["schemas"]["PropertyOptionDto"][];
            /** @description May be turned off; turning it on after the definition is refused (422): define a new unique property */
            unique?: boolean;
        };
        MergeCompanyDto: {
            /**
             * Format: uuid
             * @description The company merged away into the one in the path; it becomes a pointer there
             */
            duplicateId: string;
        };
        SearchHitDto: {
            /** @enum {string} */
            type: "contact" | "company" | "deal" | "ticket";
            id: string;
            /** @description A contact's name (or email), a company's or deal's name, a ticket's subject */
            title: string;
            /** @description A contact's email, a company's domain, a deal's or ticket's pipeline and stage */
            subtitle: string | null;
            /** @description 1: an exact email, domain or phone; 0.8 a word starting with q; 0.6 q anywhere; 0.5 the pipeline name; up to 0.4 a similar word */
            score: number;
            /**
             * @description What matched
             * @enum {string}
             */
            matched: "email" | "domain" | "phone" | "prefix" | "substring" | "pipeline" | "similar";
        };
        DuplicateRecordDto: {
            id: string;
            title: string;
            /** @description A contact's email, a company's domain */
            subtitle: string | null;
        };
        DuplicatePairDto: {
            /** @description The record with the smaller id */
            a: components["schemas"]["DuplicateRecordDto"];
            b: components["schemas"]["DuplicateRecordDto"];
            /** @description email: the same address once lower-cased, without +tag and, for Gmail, without dots; domain: the same company domain; phone: the same digits; name: similar names (contacts: at the same company) */
            reasons: ("email" | "domain" | "phone" | "name")[];
            /** @description Trigram similarity of the names (0.6 and up), when name is a reason */
            nameSimilarity: number | null;
        };
        MarketingPolicyChangesDto: {
            /** @enum {string} */
            form?: "marketing" | "non-marketing";
            /** @enum {string} */
            import?: "marketing" | "non-marketing";
            /** @enum {string} */
            integration?: "marketing" | "non-marketing";
            /** @enum {string} */
            conversation?: "marketing" | "non-marketing";
            /** @enum {string} */
            manual?: "marketing" | "non-marketing";
            /** @enum {string} */
            mobile?: "marketing" | "non-marketing";
            /** @enum {string} */
            "email-logging"?: "marketing" | "non-marketing";
            /** @enum {string} */
            meeting?: "marketing" | "non-marketing";
            /** @enum {string} */
            api?: "marketing" | "non-marketing";
        };
        MarketingPolicyRecord: {
            /** @description The settings stream revision; send it back as If-Match */
            revision: number;
            /**
             * @description The marketing status new contacts get, by source
             * @example {
             *       "form": "marketing"
             *     }
             */
            policy: components["schemas"]["MarketingPolicyChangesDto"];
            /** @description Sources whose status cannot change */
            lockedSources: ("form" | "import" | "integration" | "conversation" | "manual" | "mobile" | "email-logging" | "meeting" | "api")[];
        };
        ChangeMarketingPolicyDto: {
            /** @description Locked to non-marketing: manual, mobile, email-logging, meeting */
            policy: components["schemas"]["MarketingPolicyChangesDto"];
            /** @example Imported lists are opted in from now on */
            reason?: string;
        };
        ReportingCurrencyRecord: {
            /** @description The settings stream revision (-1: never set); send it back as If-Match */
            revision: number;
            /**
             * @description The reporting currency; null until one is set
             * @example EUR
             */
            currency: string | null;
            /**
             * @description The one before it
             * @example null
             */
            previous: string | null;
        };
        SetReportingCurrencyDto: {
            /**
             * @description an ISO 4217 currency code, such as USD
             * @example EUR
             */
            currency: string;
        };
        PublishExchangeRatesDto: {
            /**
             * @description The base currency: an ISO 4217 currency code, such as USD
             * @example USD
             */
            base: string;
            /**
             * @description Units of each quote currency per 1 base; each rate a decimal greater than 0 and below 1000000000000, with at most 12 significant digits and at most 24 decimals, as a string such as "149.235" or a number. Replaces the set published for this date and base.
             * @example {
             *       "EUR": "0.92",
             *       "JPY": "149.235"
             *     }
             */
            rates: {
                [key: string]: string | number;
            };
        };
        ImportedPublicationDto: {
            /** @example 2026-01-15 */
            date: string;
            /** @example USD */
            base: string;
            /** @description How many quotes the publication holds */
            quotes: number;
            /** @description false when that day's set for that base already was this one (nothing appended) */
            published: boolean;
            /** @description Global position of the event written; null when nothing was */
            position: string | null;
        };
        RatesImportDto: {
            /** @description Rows read (rates, not lines) */
            rows: number;
            /** @description One per date and base, by date then base */
            publications: components["schemas"]["ImportedPublicationDto"][];
        };
        ExchangeRateDto: {
            /**
             * @description The publication date of the rate
             * @example 2026-01-15
             */
            date: string;
            /** @example USD */
            base: string;
            /** @example JPY */
            quote: string;
            /**
             * @description Units of quote per 1 base, a decimal string
             * @example 149.235
             */
            rate: string;
            /**
             * Format: uuid
             * @description The ExchangeRatesPublished event
             */
            eventId: string;
            /** Format: date-time */
            publishedAt: string;
        };
        RatesOnDateDto: {
            /**
             * @description The date asked for
             * @example 2026-01-20
             */
            date: string;
            /** @description For each base and quote, the latest rate published on or before the date; its `date` is the publication it comes from */
            rates: components["schemas"]["ExchangeRateDto"][];
        };
        CurrencyAmountDto: {
            /** @example EUR */
            currency: string;
            /**
             * @description The open deals' amounts in this currency, summed exactly: a decimal string with the currency's digits (JPY "150000", USD "1200.50", BHD "1.250")
             * @example 1200.50
             */
            total: string;
            /**
             * @description total × the stage probability, rounded half to even to the currency's digits: a decimal string with the currency's digits (JPY "150000", USD "1200.50", BHD "1.250")
             * @example 240.10
             */
            weighted: string;
        };
        StageHealthDto: {
            stageId: string;
            label: string;
            probability: number;
            /**
             * @description won or lost for a closing stage
             * @enum {string|null}
             */
            closed: "won" | "lost" | null;
            archived: boolean;
            stuckAfterDays: number | null;
            openDeals: number;
            amounts: components["schemas"]["CurrencyAmountDto"][];
            averageAgeDays: number | null;
            stuckDeals: number;
        };
        ForecastMonthDto: {
            /**
             * @description Open deals by their expected close date's month, won deals by the month they were won
             * @example 2026-04
             */
            month: string;
            /** @example EUR */
            currency: string;
            /**
             * @description Won amounts in full plus open amounts × their stage probability, rounded half to even once: a decimal string with the currency's digits (JPY "150000", USD "1200.50", BHD "1.250")
             * @example 3240.10
             */
            weighted: string;
            /**
             * @description Won and open amounts, unweighted: a decimal string with the currency's digits (JPY "150000", USD "1200.50", BHD "1.250")
             * @example 1200.50
             */
            total: string;
        };
        PipelineHealthDto: {
            pipelineId: string;
            name: string;
            /** Format: date-time */
            asOf: string;
            stages: components["schemas"]["StageHealthDto"][];
            /** @description won / (won + lost); null before the first closed deal */
            winRate: number | null;
            won: number;
            lost: number;
            forecast: components["schemas"]["ForecastMonthDto"][];
        };
        StuckDealDto: {
            /** Format: uuid */
            dealId: string;
            name: string;
            pipelineId: string;
            stageId: string;
            ownerId: string | null;
            /** Format: date-time */
            enteredStageAt: string;
            daysInStage: number;
            stuckAfterDays: number;
            /**
             * @description The deal's amount: a decimal string with the currency's digits (JPY "150000", USD "1200.50", BHD "1.250")
             * @example 1200.50
             */
            amount: string;
            currency: string;
        };
        StageDurationStatsDto: {
            pipelineId: string;
            stageId: string;
            label: string;
            /**
             * @description won or lost for a closing stage
             * @enum {string|null}
             */
            closed: "won" | "lost" | null;
            archived: boolean;
            /** @description Every visit, those in progress included */
            visits: number;
            completedVisits: number;
            medianMs: number | null;
            p90Ms: number | null;
            /** @description Share of entries that went on to the next open stage or straight to won */
            conversionToNext: number | null;
        };
        StageVisitDto: {
            /** Format: uuid */
            dealId: string;
            pipelineId: string;
            stageId: string;
            /** @description The deal's n-th visit to this stage, from 1 */
            visit: number;
            /** Format: date-time */
            enteredAt: string;
            /** Format: date-time */
            exitedAt: string | null;
            /** @description The stage entered on leaving */
            exitedTo: string | null;
            durationMs: number | null;
        };
        DealStageTimeDto: {
            stageId: string;
            visits: number;
            /** @description The latest visit; one in progress counts up to asOf */
            latestMs: number;
            cumulativeMs: number;
            inStageNow: boolean;
        };
        DealStageDurationsDto: {
            /** Format: uuid */
            dealId: string;
            pipelineId: string;
            /** Format: date-time */
            asOf: string;
            currentStageId: string;
            visits: components["schemas"]["StageVisitDto"][];
            stages: components["schemas"]["DealStageTimeDto"][];
        };
        MarketingContactCountDto: {
            /** Format: date-time */
            asOf: string;
            marketingContacts: number;
        };
        MarketingContactChangeDto: {
            /** Format: uuid */
            contactId: string;
            /** Format: date-time */
            effectiveAt: string;
            /** @enum {string} */
            status: "marketing" | "non-marketing";
            /** @enum {string|null} */
            previous: "marketing" | "non-marketing" | null;
            /** @example unsubscribed */
            reason: string;
            /** Format: uuid */
            eventId: string;
            /** @description What the change did to the count: +1, -1 or 0 */
            countDelta: number;
        };
        WonAmountDto: {
            /** @example EUR */
            currency: string;
            dealsWon: number;
            /**
             * @description The won amounts in this currency, summed exactly: a decimal string with the currency's digits (JPY "150000", USD "1200.50", BHD "1.250")
             * @example 1200.50
             */
            amount: string;
        };
        RepActivityRowDto: {
            ownerId: string;
            /** @description YYYY-MM-DD for a day, the Monday for a week, YYYY-MM for a month */
            period: string;
            emails: number;
            calls: number;
            meetings: number;
            notes: number;
            tasksCreated: number;
            tasksCompleted: number;
            dealsCreated: number;
            dealsWon: number;
            ticketsClosed: number;
            /** @description Per currency; never added across currencies */
            wonAmounts: components["schemas"]["WonAmountDto"][];
        };
        MrrRowDto: {
            /** @example EUR */
            currency: string;
            /** @description With groupBy=owner: the owner (null: deals without one) */
            ownerId?: string | null;
            /** @description With groupBy=pipeline */
            pipelineId?: string;
            /**
             * @description MRR of recurring deals won in the month (not renewals)
             * @example 1000.00
             */
            new: string;
            /**
             * @description MRR added to won contracts in the month: raised amounts, shorter terms, renewals above the renewed MRR
             * @example 1000.00
             */
            expansion: string;
            /**
             * @description MRR taken off won contracts in the month (as a positive amount)
             * @example 1000.00
             */
            contraction: string;
            /**
             * @description MRR of contracts whose term ended the month before without renewal (positive)
             * @example 1000.00
             */
            churn: string;
            /**
             * @description new + expansion - contraction - churn
             * @example 1000.00
             */
            netNew: string;
            /**
             * @description The MRR in force in the month
             * @example 1000.00
             */
            total: string;
            /**
             * @description total × 12
             * @example 1000.00
             */
            arr: string;
        };
        MrrDrillRowDto: {
            /** Format: uuid */
            dealId: string;
            /** @example EUR */
            currency: string;
            /**
             * @description The movement's kind; renewal: one side of a renewal (the renewed contract's MRR out, the renewing one's in); in-force for kind=total
             * @enum {string}
             */
            movement: "new" | "expansion" | "contraction" | "churn" | "renewal" | "in-force";
            /**
             * @description Signed change to the deal's MRR; for kind=total the deal's MRR in force
             * @example -250.00
             */
            mrr: string;
            /**
             * Format: uuid
             * @description The event behind it: the win, the change, the renewing win; for churn the win or term change that set the term; for total the latest movement
             */
            eventId: string;
            ownerId: string | null;
            pipelineId: string;
        };
        FunnelStageDto: {
            /** @enum {string} */
            stage: "subscriber" | "lead" | "marketing-qualified" | "sales-qualified" | "opportunity" | "customer";
            /** @description Contacts that reached this stage or a later one (a skipped stage counts as passed) */
            reached: number;
            /** @description reached of the next stage / reached of this one, 4 decimals; null for customer or when 0 reached this one */
            conversionToNext: number | null;
            /** @description Contacts that entered this stage and later the next one: what the times are over */
            timedToNext: number;
            /** @description Median time from first entering this stage to first entering the next */
            medianMsToNext: number | null;
            /** @description 90th percentile of the same (interpolated, as percentile_cont) */
            p90MsToNext: number | null;
        };
        FunnelGroupDto: {
            /** @description The original source, or the cohort month YYYY-MM */
            group: string;
            /** @description Contacts created in the range in this group, merged duplicates left out */
            contacts: number;
            stages: components["schemas"]["FunnelStageDto"][];
        };
        FunnelWonAmountDto: {
            /** @example EUR */
            currency: string;
            /**
             * @description The won amounts in this currency, summed exactly
             * @example 1200.50
             */
            amount: string;
        };
        FunnelAttributionRowDto: {
            /** @enum {string} */
            model: "first-touch" | "last-touch";
            /** @description The touch source credited; (none) when no contact of the deal had a touch by its creation */
            source: string;
            /** @description Deals created in the range credited to this source */
            deals: number;
            /** @description Of those, the ones won as of asOf */
            wonDeals: number;
            /** @description Per currency; never added across currencies */
            won: components["schemas"]["FunnelWonAmountDto"][];
        };
        FunnelContactDto: {
            contactId: string;
            group: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description The ContactCreated event
             */
            createdEventId: string;
            originalSource: string;
            /**
             * Format: uuid
             * @description The first touch event
             */
            originalSourceEventId: string | null;
            /** @enum {string} */
            furthestStage: "subscriber" | "lead" | "marketing-qualified" | "sales-qualified" | "opportunity" | "customer";
            /** @enum {string} */
            stage: "subscriber" | "lead" | "marketing-qualified" | "sales-qualified" | "opportunity" | "customer";
            /**
             * Format: date-time
             * @description When it reached or passed the stage
             */
            reachedAt: string;
            /**
             * Format: uuid
             * @description The event by which it reached or passed it (a skip: the event that jumped past it)
             */
            reachedEventId: string;
            /**
             * Format: date-time
             * @description When it entered exactly this stage; null when skipped
             */
            enteredAt: string | null;
            /** @description Time to the next stage, as counted in the median and p90 */
            msToNext: number | null;
            /**
             * Format: uuid
             * @description The next stage's entry event
             */
            nextEventId: string | null;
        };
        FunnelDealDto: {
            dealId: string;
            /** @enum {string} */
            model: "first-touch" | "last-touch";
            source: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description The DealCreated event
             */
            createdEventId: string;
            /** @description The contact whose touch is credited */
            touchContactId: string | null;
            /**
             * Format: uuid
             * @description The touch event credited
             */
            touchEventId: string | null;
            /** Format: date-time */
            touchedAt: string | null;
            /**
             * @description As of asOf
             * @enum {string}
             */
            outcome: "won" | "lost" | "open";
            /**
             * @description The won amount; null unless won
             * @example 1200.50
             */
            amount: string | null;
            currency: string | null;
            /**
             * Format: uuid
             * @description The DealWon or DealLost event
             */
            outcomeEventId: string | null;
        };
        CurrencyForecastDto: {
            /** @example EUR */
            currency: string;
            openDeals: number;
            /**
             * @description Open deals expected to close in the month: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            openAmount: string;
            /**
             * @description The open deals weighted by their stage's probability then (half-even, per deal): a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            weighted: string;
            wonDeals: number;
            /**
             * @description Won in the month (by close date) by then: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            wonAmount: string;
            /**
             * @description weighted + wonAmount: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            forecast: string;
        };
        RateUsedDto: {
            /** @example JPY */
            from: string;
            /** @example USD */
            to: string;
            /**
             * @description Units of `to` per 1 `from`
             * @example 0.0067
             */
            rate: string;
            /**
             * Format: date
             * @description The publication date of the rate (the latest on or before the figure's date)
             */
            rateDate: string;
            /**
             * @description How the rate was found among the published ones
             * @enum {string}
             */
            method?: "direct" | "inverse" | "cross";
        };
        ForecastGapDto: {
            /** Format: uuid */
            dealId: string;
            /** @example THB */
            from: string;
            /** @example USD */
            to: string;
            /**
             * Format: date
             * @description The date a rate was needed for
             */
            date: string;
            reason: string;
        };
        ConvertedForecastDto: {
            /** @example EUR */
            currency: string;
            openDeals: number;
            /**
             * @description Open deals expected to close in the month: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            openAmount: string;
            /**
             * @description The open deals weighted by their stage's probability then (half-even, per deal): a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            weighted: string;
            wonDeals: number;
            /**
             * @description Won in the month (by close date) by then: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            wonAmount: string;
            /**
             * @description weighted + wonAmount: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            forecast: string;
            /** @description false when some deal had no rate: it is left out of these figures and listed in gaps */
            complete: boolean;
            ratesUsed: components["schemas"]["RateUsedDto"][];
            gaps: components["schemas"]["ForecastGapDto"][];
        };
        ConvertedFigureDto: {
            /** @example USD */
            currency: string;
            /**
             * @description The amount converted: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            amount: string;
            /**
             * @description The weighted amount converted: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            weighted: string;
            /** @description The rate used; null when the deal is in that currency already */
            rate: string | null;
            /**
             * Format: date
             * @description The date of the rate used
             */
            rateDate: string | null;
        };
        ForecastDealDto: {
            /** Format: uuid */
            dealId: string;
            name: string;
            pipelineId: string;
            stageId: string;
            /** @description The owner then */
            ownerId: string | null;
            /** @enum {string} */
            outcome: "open" | "won";
            /**
             * @description The amount then: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            amount: string;
            /** @example EUR */
            currency: string;
            /**
             * Format: date
             * @description The expected close date then
             */
            closeDate: string;
            /**
             * Format: date-time
             * @description When it was won
             */
            closedAt: string | null;
            /** @description The stage's probability then (decimal) */
            probability: string | null;
            /**
             * Format: uuid
             * @description The event of the deal version used
             */
            eventId: string;
            /**
             * Format: date-time
             * @description When that version took effect
             */
            validFrom: string;
            /**
             * Format: uuid
             * @description The event of the pipeline version whose probability was used
             */
            stageEventId: string | null;
            /**
             * Format: date
             * @description The figure's date: the expected close date when open, the close date when won
             */
            figureDate: string;
            /**
             * @description amount × probability when open; the amount when won: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            weighted: string;
            converted: components["schemas"]["ConvertedFigureDto"] | null;
            /** @description Why it could not be converted */
            gap: string | null;
        };
        ForecastDto: {
            /** @example 2026-10 */
            month: string;
            /**
             * @description As asked
             * @example 2026-09-01
             */
            asOf: string;
            /**
             * Format: date-time
             * @description The instant the history was read at
             */
            asOfInstant: string;
            pipelineId: string | null;
            /** @description Per currency; never added across currencies */
            currencies: components["schemas"]["CurrencyForecastDto"][];
            /** @description With currency=: every deal converted */
            converted: components["schemas"]["ConvertedForecastDto"] | null;
            /** @description The drill-down: the deals behind every figure */
            deals: components["schemas"]["ForecastDealDto"][];
        };
        SnapshotFiguresDto: {
            /** @example 2026-09-01 */
            asOf: string;
            openDeals: number;
            /**
             * @description Open deals weighted: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            weighted: string;
            wonDeals: number;
            /**
             * @description Won in the month by then: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            won: string;
            /**
             * @description weighted + won: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            forecast: string;
            /**
             * @description actual - forecast (negative: over-forecast): a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            difference: string;
        };
        WaterfallMoveDto: {
            /** Format: uuid */
            dealId: string;
            /** @enum {string} */
            kind: "added" | "removed" | "won" | "changed";
            /**
             * @description Its figure at the start: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            before: string | null;
            /**
             * @description Its figure at the end: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            after: string | null;
            /**
             * @description after - before: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            change: string;
            /**
             * Format: uuid
             * @description The deal version behind it
             */
            eventId: string;
            /** @description Converted moves only: the rate behind `before` (null without a before, or when the deal was in that currency already) */
            beforeRate?: string | null;
            /**
             * Format: date
             * @description Converted moves only: the publication date of that rate
             */
            beforeRateDate?: string | null;
            /** @description Converted moves only: the rate behind `after` (null without an after, or when the deal was in that currency already) */
            afterRate?: string | null;
            /**
             * Format: date
             * @description Converted moves only: the publication date of that rate
             */
            afterRateDate?: string | null;
        };
        WaterfallStepDto: {
            /** @example 2026-09-01 */
            from: string;
            /**
             * @description A date asked, or 'actual'
             * @example 2026-10-01
             */
            to: string;
            /**
             * @description The forecast at `from`: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            start: string;
            /**
             * @description The forecast at `to` (or the actual): a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            end: string;
            /**
             * @description Deals new to the month: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            added: string;
            /**
             * @description Deals gone from the month: lost, moved out, or not won by the end: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            removed: string;
            /**
             * @description Open deals won in the month: amount less their weighted figure: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            won: string;
            /**
             * @description Amount, stage or probability changes: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            changed: string;
            moves: components["schemas"]["WaterfallMoveDto"][];
        };
        CurrencyAccuracyDto: {
            /** @example EUR */
            currency: string;
            /**
             * @description Won in the month, as the history stands now: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            actual: string;
            actualDeals: number;
            snapshots: components["schemas"]["SnapshotFiguresDto"][];
            steps: components["schemas"]["WaterfallStepDto"][];
        };
        AccuracyGapDto: {
            /** Format: uuid */
            dealId: string;
            /** @example THB */
            from: string;
            /** @example USD */
            to: string;
            /**
             * Format: date
             * @description The date a rate was needed for
             */
            date: string;
            reason: string;
            /**
             * @description The date asked (or 'actual') whose figure lacks the rate
             * @example 2026-09-01
             */
            asOf: string;
        };
        ConvertedAccuracyDto: {
            /** @example EUR */
            currency: string;
            /**
             * @description Won in the month, as the history stands now: a decimal string with the currency's minor-unit digits
             * @example 1200.50
             */
            actual: string;
            actualDeals: number;
            snapshots: components["schemas"]["SnapshotFiguresDto"][];
            steps: components["schemas"]["WaterfallStepDto"][];
            complete: boolean;
            ratesUsed: components["schemas"]["RateUsedDto"][];
            gaps: components["schemas"]["AccuracyGapDto"][];
        };
        ForecastAccuracyDto: {
            /** @example 2026-10 */
            month: string;
            /**
             * @example [
             *       "2026-09-01",
             *       "2026-10-01",
             *       "actual"
             *     ]
             */
            asOf: string[];
            pipelineId: string | null;
            currencies: components["schemas"]["CurrencyAccuracyDto"][];
            converted: components["schemas"]["ConvertedAccuracyDto"] | null;
        };
        OpenTicketsByStageDto: {
            pipelineId: string;
            pipelineName: string | null;
            stageId: string;
            stageLabel: string | null;
            openTickets: number;
            /** @description Days since creation as of asOf; null when the stage holds no open ticket */
            averageAgeDays: number | null;
            oldestAgeDays: number | null;
        };
        TicketsCreatedInWeekDto: {
            pipelineId: string;
            pipelineName: string | null;
            /**
             * Format: date
             * @description The Monday of the ISO week
             */
            week: string;
            created: number;
        };
        LeadScoreSummaryDto: {
            /** Format: uuid */
            contactId: string;
            fit: number;
            engagement: number;
            total: number;
            /** @enum {string} */
            qualification: "none" | "mql" | "sql";
            /** @description SHA-256 of the formula the score was computed with */
            formulaId: string;
            /**
             * Format: date-time
             * @description The contact's latest activity the score is computed at
             */
            asOf: string;
            /** @description Log position of the last event applied for this row */
            position: string;
        };
        LeadScoreDetailDto: {
            /** Format: uuid */
            contactId: string;
            fit: number;
            engagement: number;
            total: number;
            /** @enum {string} */
            qualification: "none" | "mql" | "sql";
            /** @description SHA-256 of the formula the score was computed with */
            formulaId: string;
            /**
             * Format: date-time
             * @description The contact's latest activity the score is computed at
             */
            asOf: string;
            /** @description Log position of the last event applied for this row */
            position: string;
            /** @description The primary this contact was merged into */
            mergedInto: string | null;
            /** @description The contact properties the formula reads */
            properties: {
                [key: string]: string | number | boolean;
            };
        };
        DerivedLeadScoreDto: {
            /** Format: uuid */
            contactId: string;
            fit: number;
            engagement: number;
            total: number;
            /** @enum {string} */
            qualification: "none" | "mql" | "sql";
            /** @description SHA-256 of the formula the score was computed with */
            formulaId: string;
            /**
             * Format: date-time
             * @description The contact's latest activity the score is computed at
             */
            asOf: string;
            /**
             * @description Derived from the event log as of asOf, not read from the read model
             * @enum {string}
             */
            derivedFrom: "event-log";
        };
        LeadScoreContributionRowDto: {
            ruleId: string;
            groupId: string;
            /** @description null for fit rules, as are the other event fields */
            eventId: string | null;
            eventType: string | null;
            streamName: string | null;
            revision: number | null;
            position: string | null;
            /** Format: date-time */
            occurredAt: string | null;
            rawPoints: number;
            decayFactor: number;
            points: number;
            cutByRuleCap: number;
            cutByGroupLimit: number;
            cutByTotalLimit: number;
            /** @description points minus every cut: the counted points add up to the total */
            counted: number;
            /** @description The scorer's order */
            ordinal: number;
        };
        ExplainedContributionDto: {
            ruleId: string;
            groupId: string;
            /** @description null for fit rules, as are the other event fields */
            eventId: string | null;
            eventType: string | null;
            streamName: string | null;
            revision: number | null;
            position: string | null;
            /** Format: date-time */
            occurredAt: string | null;
            rawPoints: number;
            decayFactor: number;
            points: number;
            cutByRuleCap: number;
            cutByGroupLimit: number;
            cutByTotalLimit: number;
            /** @description points minus every cut: the counted points add up to the total */
            counted: number;
            formulaId: string;
        };
        LeadScoreExplanationDto: {
            /** Format: uuid */
            contactId: string;
            formulaId: string;
            /** Format: date-time */
            asOf: string;
            fit: number;
            engagement: number;
            total: number;
            /** @enum {string} */
            qualification: "none" | "mql" | "sql";
            /** @enum {string} */
            derivedFrom: "read-model" | "event-log";
            contributions: components["schemas"]["ExplainedContributionDto"][];
        };
        TimelineEntryDto: {
            /** Format: uuid */
            eventId: string;
            /** @example DealWon */
            eventType: string;
            /** Format: date-time */
            occurredAt: string;
            position: string;
            /** @example Deal 6f1c... won (5000.00 EUR) */
            summary: string;
            /** @description The event's data, as stored */
            data: {
                [key: string]: unknown;
            };
            /** @description On entries taken over from a merged duplicate: the contact the event happened to */
            mergedFrom: string | null;
        };
        ContactListItemDto: {
            contactId: string;
            /** @description First and last name, else the email */
            name: string;
            firstName: string | null;
            lastName: string | null;
            email: string | null;
            phone: string | null;
            jobTitle: string | null;
            country: string | null;
            ownerId: string | null;
            /** @description The owner's name, from the owners list */
            ownerName: string | null;
            /** @enum {string} */
            lifecycleStage: "subscriber" | "lead" | "marketing-qualified" | "sales-qualified" | "opportunity" | "customer" | "evangelist" | "other";
            /** @enum {string} */
            marketingStatus: "marketing" | "non-marketing";
            /** @enum {string} */
            source: "form" | "import" | "integration" | "conversation" | "manual" | "mobile" | "email-logging" | "meeting" | "api";
            /** @description The primary company */
            companyId: string | null;
            /** @description The current lead score total; null before it is scored */
            leadScore: number | null;
            /** @enum {string|null} */
            qualification: "none" | "mql" | "sql" | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Latest page view, form submission, marketing email opened or clicked, unsubscribe, engagement, or deal or ticket naming the contact
             */
            lastActivityAt: string | null;
            /** @description Custom properties with a value; in CSV, one `property.<name>` column each */
            properties: {
                [key: string]: string | number | boolean;
            };
        };
        CompanyListItemDto: {
            companyId: string;
            name: string;
            domain: string | null;
            industry: string | null;
            employees: number | null;
            country: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Custom properties with a value; in CSV, one `property.<name>` column each */
            properties: {
                [key: string]: string | number | boolean;
            };
        };
        DealListItemDto: {
            dealId: string;
            name: string;
            pipelineId: string;
            /** @description null until the pipeline is known */
            pipelineName: string | null;
            stageId: string;
            /** @description null until the pipeline is known */
            stageLabel: string | null;
            /**
             * @description A decimal string with exactly the currency's minor-unit digits: JPY "150000", USD "1200.50", BHD "1.250"
             * @example 12000.00
             */
            amount: string;
            /** @example EUR */
            currency: string;
            /** @enum {string} */
            revenueType: "one-off" | "recurring";
            /**
             * @description null for a one-off deal
             * @enum {string|null}
             */
            billingPeriod: "month" | "quarter" | "year" | null;
            contractTermMonths: number;
            /** @description amount / contractTermMonths of a recurring deal, a decimal string (half to even); null for one-off */
            mrr: string | null;
            /** @description mrr × 12, a decimal string; null for one-off */
            arr: string | null;
            /** @description The deal this one renews */
            renewsDealId: string | null;
            /**
             * Format: date
             * @description The expected close
             */
            closeDate: string;
            /**
             * Format: date-time
             * @description When it was last won or lost (business time); null while open
             */
            closedAt: string | null;
            ownerId: string | null;
            /** @description The owner's name, from the owners list */
            ownerName: string | null;
            /** @enum {string} */
            outcome: "open" | "won" | "lost";
            /** @description The primary company */
            companyId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Custom properties with a value; in CSV, one `property.<name>` column each */
            properties: {
                [key: string]: string | number | boolean;
            };
            /** @description The revision of the last event in the deal's stream as of this page's position: send it as If-Match */
            revision: number;
        };
        TicketListItemDto: {
            ticketId: string;
            subject: string;
            pipelineId: string;
            /** @description null until the pipeline is known */
            pipelineName: string | null;
            stageId: string;
            /** @description null until the pipeline is known */
            stageLabel: string | null;
            /** @enum {string} */
            priority: "low" | "medium" | "high" | "urgent";
            /** @enum {string} */
            status: "open" | "closed";
            ownerId: string | null;
            /** @description The owner's name, from the owners list */
            ownerName: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Custom properties with a value; in CSV, one `property.<name>` column each */
            properties: {
                [key: string]: string | number | boolean;
            };
        };
        OwnerListItemDto: {
            ownerId: string;
            name: string;
            email: string;
            team: string | null;
            /** @enum {string} */
            role: "super-admin" | "marketing" | "sales" | "service";
            /** Format: date-time */
            createdAt: string;
        };
        TimelineViaDto: {
            /** @enum {string} */
            type: "contact" | "company" | "deal" | "ticket";
            id: string;
        };
        RecordTimelineEntryDto: {
            /** Format: uuid */
            eventId: string;
            /** @example EngagementLogged */
            eventType: string;
            position: string;
            /** Format: date-time */
            occurredAt: string;
            /**
             * @description Who caused the event (its metadata)
             * @example key:3f1c...
             */
            actor: string;
            /** @example Logged a note: Pricing call */
            summary: string;
            /** @description The values the event replaced, by field or custom property (DealStageChanged: stageId); null when it replaced none */
            previous: {
                [key: string]: unknown;
            } | null;
            /** @description null on the record's own events; else the associated record an engagement rolled up from, or the merged duplicate it happened to */
            via: components["schemas"]["TimelineViaDto"] | null;
            /** @description The event's data, as stored */
            data: {
                [key: string]: unknown;
            };
        };
        CreateWebhookDto: {
            /** @example https://example.com/tally-hooks */
            url: string;
            /**
             * @description Event types; a trailing '*' makes a prefix; '*' alone is every type
             * @example [
             *       "DealStageChanged",
             *       "Ticket*"
             *     ]
             */
            eventTypes: string[];
            /** @description The signing secret; generated when absent. Returned once, in this answer. */
            secret?: string;
        };
        ParkedDeliveryView: {
            eventId: string;
            type: string;
            /** @description Position of the parked event; resume delivers again from it */
            position: string;
            attempts: number;
            error: string;
            parkedAt: string;
        };
        CreatedWebhookView: {
            id: string;
            url: string;
            eventTypes: string[];
            /** @enum {string} */
            status: "active" | "paused";
            /** @description Last position delivered */
            position: string | null;
            consecutiveFailures: number;
            parked: components["schemas"]["ParkedDeliveryView"] | null;
            createdAt: string;
            updatedAt: string;
            /** @description The signing secret: shown only now */
            secret: string;
        };
        WebhookView: {
            id: string;
            url: string;
            eventTypes: string[];
            /** @enum {string} */
            status: "active" | "paused";
            /** @description Last position delivered */
            position: string | null;
            consecutiveFailures: number;
            parked: components["schemas"]["ParkedDeliveryView"] | null;
            createdAt: string;
            updatedAt: string;
        };
        ReplayWebhookDto: {
            /**
             * @description Deliver every matching event after this position (exclusive); -1 for the whole log
             * @example -1
             */
            from: string;
        };
        DeliveryView: {
            id: string;
            /** @enum {string} */
            status: "succeeded" | "failed";
            /** @description Attempt number for this batch (1 = first try) */
            attempt: number;
            eventCount: number;
            firstEventId: string;
            firstPosition: string;
            lastPosition: string;
            responseStatus: number | null;
            latencyMs: number;
            error: string | null;
            attemptedAt: string;
        };
        AsyncApiDocumentView: {
            /** @example 3.0.0 */
            asyncapi: string;
            info: {
                [key: string]: unknown;
            };
            /** @description This server, as the caller reached it */
            servers: {
                [key: string]: unknown;
            };
            /** @description The SSE streams and the webhook deliveries */
            channels: {
                [key: string]: unknown;
            };
            operations: {
                [key: string]: unknown;
            };
            /** @description Every event type's message and data schema */
            components: {
                [key: string]: unknown;
            };
        };
        RecordRefDto: {
            /**
             * @description The object type, singular
             * @enum {string}
             */
            type: "contact" | "company" | "deal" | "ticket";
            /** Format: uuid */
            id: string;
        };
        AssociationDto: {
            /** @description One record */
            from: components["schemas"]["RecordRefDto"];
            /** @description The other record, of another object type (the order does not matter) */
            to: components["schemas"]["RecordRefDto"];
            /**
             * @description Free text, trimmed. `primary` is the primary company of a contact or a deal. PUT: omitted or null is a plain association. DELETE: omitted removes every label of the pair, null the plain association only; a deal keeps its primary company (409).
             * @example Billing contact
             */
            label?: string | null;
        };
        AssociationEntryDto: {
            /** @enum {string} */
            type: "contact" | "company" | "deal" | "ticket";
            /** Format: uuid */
            id: string;
            /** @description null: a plain association; `primary`: the primary company */
            label: string | null;
            /**
             * Format: date-time
             * @description When the association with this label was made (business time)
             */
            associatedAt: string;
        };
        SavedWorkflowView: {
            /** Format: uuid */
            workflowId: string;
            /** @description 1 when created; each PUT adds one */
            version: number;
            /** @description SHA-256 of the canonical JSON of the definition */
            definitionHash: string;
        };
        WorkflowValidationView: {
            /**
             * @description Always true here: an invalid definition is a 400 listing every error
             * @enum {boolean}
             */
            valid: true;
            /** @description The hash the definition would be saved under */
            definitionHash: string;
        };
        WorkflowSummaryView: {
            /** Format: uuid */
            workflowId: string;
            name: string;
            /** @description The current version */
            version: number;
            /**
             * @description draft: never activated
             * @enum {string}
             */
            status: "active" | "paused" | "draft";
            definitionHash: string;
            /** @description The canonical definition of the current version, defaults filled in */
            definition: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            updatedAt: string;
            /**
             * @description Who made the last change
             * @example key:3f1c...
             */
            actor: string;
        };
        WorkflowList: {
            /** @description The log position the read model reflects */
            position: string | null;
            data: components["schemas"]["WorkflowSummaryView"][];
        };
        WorkflowView: {
            /** Format: uuid */
            workflowId: string;
            name: string;
            /** @description The current version */
            version: number;
            /**
             * @description draft: never activated
             * @enum {string}
             */
            status: "active" | "paused" | "draft";
            definitionHash: string;
            /** @description The canonical definition of the current version, defaults filled in */
            definition: {
                [key: string]: unknown;
            };
        };
        EnrolExistingDto: {
            /**
             * Format: date-time
             * @description Enrol the records whose trigger happened from this instant on, up to the activation
             * @example 2026-01-01T00:00:00Z
             */
            asOf: string;
        };
        ActivateWorkflowDto: {
            /**
             * @description Why; kept in the event with the actor
             * @example Reviewed with sales ops
             */
            reason: string;
            /** @description Also enrol what happened before the activation, from asOf on; omitted: only what happens from now on enrols */
            enrolExisting?: components["schemas"]["EnrolExistingDto"];
        };
        WorkflowStatusView: {
            /** Format: uuid */
            workflowId: string;
            version: number;
            /** @enum {string} */
            status: "active" | "paused" | "draft";
        };
        PauseWorkflowDto: {
            /**
             * @description Why; kept in the event with the actor
             * @example Owners on holiday
             */
            reason: string;
        };
        RunTriggerView: {
            /** @description The enrolling event */
            eventId: string;
            /** @example FormSubmitted */
            eventType: string;
            streamName: string;
            position: string;
            /** Format: date-time */
            occurredAt: string;
            /** @description The condition values that matched */
            values: {
                [key: string]: unknown;
            };
        };
        ProducedEventView: {
            /** Format: uuid */
            eventId: string;
            /** @example EngagementLogged */
            type: string;
            /** @example engagement-… */
            streamName: string;
        };
        RunStepView: {
            /** @example handoff */
            stepId: string;
            /** @enum {string} */
            kind: "action" | "branch" | "delay";
            /** @enum {string} */
            outcome: "acted" | "noChange" | "skipped" | "branched" | "elapsed" | "failed";
            /** @description The condition and template values that decided the step */
            values: {
                [key: string]: unknown;
            };
            /** @enum {string|null} */
            branch: "then" | "else" | null;
            /** @description The id of the command the action sent, derived from its cause */
            commandId: string | null;
            /** @description The events the action appended */
            produced: components["schemas"]["ProducedEventView"][];
            /** @description Why it was skipped or failed */
            detail: string | null;
            /** Format: date-time */
            at: string;
        };
        WorkflowRunView: {
            /** Format: uuid */
            runId: string;
            /** Format: uuid */
            workflowId: string;
            /** @description The version the record enrolled in */
            version: number;
            /** @enum {string} */
            recordType: "contact" | "company" | "deal" | "ticket";
            /** Format: uuid */
            recordId: string;
            /** @enum {string} */
            status: "open" | "waiting" | "finished";
            /** @enum {string|null} */
            outcome: "completed" | "goalMet" | "unenrolled" | "failed" | null;
            trigger: components["schemas"]["RunTriggerView"];
            /** Format: date-time */
            enrolledAt: string;
            /** @description The delay step the run waits on */
            waitingStepId: string | null;
            /** Format: date-time */
            dueAt: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description Every step taken or skipped, in order */
            steps: components["schemas"]["RunStepView"][];
        };
        WorkflowRunList: {
            /** @description The log position the read model reflects */
            position: string | null;
            data: components["schemas"]["WorkflowRunView"][];
            /** @description The cursor of the next page; null on the last */
            nextCursor: string | null;
        };
        SimulationDto: {
            /**
             * Format: date-time
             * @description Start of the window of history (inclusive)
             * @example 2026-01-01T00:00:00Z
             */
            from: string;
            /**
             * Format: date-time
             * @description End of the window of history (exclusive)
             * @example 2026-02-01T00:00:00Z
             */
            to: string;
        };
        SimulatedWorkflowView: {
            /** Format: uuid */
            workflowId: string | null;
            version: number | null;
            name: string;
            definitionHash: string;
        };
        SimulationWindowView: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
        };
        SimulatedEnrolmentView: {
            /** @enum {string} */
            recordType: "contact" | "company" | "deal" | "ticket";
            /** Format: uuid */
            recordId: string;
            triggerEventId: string;
            /** Format: date-time */
            at: string;
        };
        SimulatedActionView: {
            stepId: string;
            /** @example createTask */
            action: string;
            count: number;
        };
        SimulatedDayView: {
            /**
             * Format: date
             * @example 2026-01-15
             */
            day: string;
            enrolments: number;
            actions: number;
        };
        SimulationReportView: {
            /** @description The version simulated */
            workflow: components["schemas"]["SimulatedWorkflowView"];
            window: components["schemas"]["SimulationWindowView"];
            /** @description Events in the window of the types the trigger listens to, matched or not */
            eventsJudged: number;
            /** @description Who would have enrolled, in log order */
            enrolments: components["schemas"]["SimulatedEnrolmentView"][];
            /** @description Which actions would have fired, how often */
            actions: components["schemas"]["SimulatedActionView"][];
            /** @description Per UTC day of the window */
            perDay: components["schemas"]["SimulatedDayView"][];
        };
        ParkedTriggerView: {
            /** @description The event (or, for a schedule, the virtual trigger) the runner judged */
            id: string;
            /** @example FormSubmitted */
            type: string;
            streamName: string;
            position: string;
            /** Format: date-time */
            occurredAt: string;
        };
        ParkedWorkflowEventView: {
            /** Format: uuid */
            workflowId: string;
            /** @description The version it was parked under, and is retried on */
            version: number;
            /** @enum {string} */
            kind: "enrol" | "schedule";
            trigger: components["schemas"]["ParkedTriggerView"];
            /** @description The last error */
            error: string;
            attempts: number;
            /** @enum {string} */
            status: "parked" | "retried" | "skipped";
            /** Format: date-time */
            parkedAt: string;
            resolvedBy: string | null;
            /** Format: date-time */
            resolvedAt: string | null;
            /** @description Why it was skipped */
            reason: string | null;
        };
        ParkedWorkflowEventList: {
            /** @description Oldest event first */
            data: components["schemas"]["ParkedWorkflowEventView"][];
        };
        ParkedEventKindDto: {
            /**
             * @description What was being judged: an enrolment trigger, or a date for a schedule trigger
             * @default enrol
             * @enum {string}
             */
            kind: "enrol" | "schedule";
        };
        SkipParkedEventDto: {
            /**
             * @description What was being judged: an enrolment trigger, or a date for a schedule trigger
             * @default enrol
             * @enum {string}
             */
            kind: "enrol" | "schedule";
            /**
             * @description Why the workflow will never judge this event; kept with the actor
             * @example Contact repaired by hand
             */
            reason: string;
        };
        WorkflowScheduleView: {
            /** @enum {string} */
            recordType: "contact" | "company" | "deal" | "ticket";
            /** Format: uuid */
            recordId: string;
            /** @description The date property's value the due instant was computed from */
            date: string;
            /** Format: date-time */
            dueAt: string;
            /** @description Whether that date has enrolled the record already */
            enrolled: boolean;
        };
        WorkflowScheduleList: {
            /** @description Soonest first */
            data: components["schemas"]["WorkflowScheduleView"][];
        };
        SetGoalDto: {
            /**
             * Format: uuid
             * @description The owner the goal is for; give exactly one of ownerId and team
             */
            ownerId?: string | null;
            /**
             * @description The team the goal is for (every owner credited to it); give exactly one of ownerId and team
             * @example EMEA
             */
            team?: string | null;
            /**
             * @description a month YYYY-MM or a quarter YYYY-Qn (Q1 to Q4), from 1900 to 2199
             * @example 2026-Q4
             */
            period: string;
            /** @enum {string} */
            metric: "won-amount" | "deals-won" | "calls-logged" | "meetings-logged";
            /**
             * @description won-amount only: an ISO 4217 code (only deals in it count) or `reporting` (each won deal converted to the reporting currency at its win date)
             * @example USD
             */
            currency?: string | null;
            /**
             * @description won-amount: a decimal in the currency's digits (USD "10000.00", JPY "1500000"; for `reporting`, the reporting currency's), as a string or a number, greater than 0; the counts: a whole number from 1
             * @example 10000.00
             */
            target: string | number;
        };
        ChangeGoalTargetDto: {
            /**
             * @description won-amount: a decimal in the currency's digits (USD "10000.00", JPY "1500000"; for `reporting`, the reporting currency's), as a string or a number, greater than 0; the counts: a whole number from 1
             * @example 12000.00
             */
            target: string | number;
        };
        GoalPaceDto: {
            /** Format: date-time */
            asOf: string;
            /**
             * @description The share of the period elapsed at asOf, 0 to 1
             * @example 0.5
             */
            elapsed: string;
            /**
             * @description The target prorated by the share elapsed: a decimal string (amounts in the currency's digits)
             * @example 3750.50
             */
            expectedToDate: string;
            /**
             * @description actual ÷ expectedToDate in percent; null before the period starts
             * @example 75.01
             */
            percent: string | null;
            /**
             * @description actual − expectedToDate; negative when behind: a decimal string (amounts in the currency's digits)
             * @example 3750.50
             */
            difference: string;
        };
        GoalRateUsedDto: {
            from: string;
            to: string;
            /**
             * @description Units of `to` per 1 `from`
             * @example 1.0842
             */
            rate: string;
            /**
             * Format: date
             * @description The publication date of the rate used
             */
            rateDate: string;
            /** @enum {string} */
            method?: "direct" | "inverse" | "cross";
        };
        GoalConvertedDto: {
            /**
             * @description The amount in the reporting currency: a decimal string (amounts in the currency's digits)
             * @example 3750.50
             */
            amount: string;
            currency: string;
            /** @description null: the deal was already in the reporting currency */
            rateUsed: components["schemas"]["GoalRateUsedDto"] | null;
        };
        GoalDealDto: {
            dealId: string;
            /** @description The owner the win was credited to */
            ownerId: string;
            /** @description The owner's team at the win */
            team: string | null;
            /** Format: date-time */
            wonAt: string;
            /**
             * Format: date
             * @description The UTC day of the win: the date a conversion uses
             */
            wonOn: string;
            /**
             * @description The amount as won (or as changed after the win): a decimal string (amounts in the currency's digits)
             * @example 3750.50
             */
            amount: string;
            currency: string;
            /** @description `reporting` goals only */
            converted: components["schemas"]["GoalConvertedDto"] | null;
            /** @description The events behind this line */
            eventIds: string[];
        };
        GoalEngagementDto: {
            engagementId: string;
            /** @enum {string} */
            kind: "call" | "meeting";
            ownerId: string;
            team: string | null;
            /** Format: date-time */
            loggedAt: string;
            /** @description The events behind this line */
            eventIds: string[];
        };
        GoalGapDto: {
            dealId: string;
            /**
             * @description The amount as won: a decimal string (amounts in the currency's digits)
             * @example 3750.50
             */
            amount: string;
            currency: string;
            /** Format: date */
            wonOn: string;
            /** @description The reporting currency (null: none is set) */
            to: string | null;
            /** @description Why it could not be converted; it is not in actual */
            reason: string;
            /** @description The events behind this line */
            eventIds: string[];
        };
        GoalAttainmentDto: {
            /** Format: uuid */
            goalId: string;
            ownerId: string | null;
            team: string | null;
            /** @example 2026-Q4 */
            period: string;
            /** Format: date */
            periodStart: string;
            /**
             * Format: date
             * @description The last day of the period, inclusive
             */
            periodEnd: string;
            /** @enum {string} */
            metric: "won-amount" | "deals-won" | "calls-logged" | "meetings-logged";
            /** @description As set: an ISO code, `reporting`, or null for the counts */
            currency: string | null;
            /** @description The currency target and actual are in; null for the counts */
            measuredIn: string | null;
            /**
             * @description The target: a decimal string (amounts in the currency's digits)
             * @example 3750.50
             */
            target: string;
            /**
             * @description What the goal counts so far (null: a `reporting` goal with no reporting currency set): a decimal string (amounts in the currency's digits)
             * @example 3750.50
             */
            actual: string | null;
            /**
             * @description actual ÷ target
             * @example 0.37505
             */
            attainment: string | null;
            /**
             * @description actual ÷ target in percent
             * @example 37.505
             */
            attainmentPercent: string | null;
            /**
             * @description What is left to reach the target, never below 0: a decimal string (amounts in the currency's digits)
             * @example 3750.50
             */
            remaining: string | null;
            pace: components["schemas"]["GoalPaceDto"] | null;
            /** @description The events that set the goal and its current target */
            goalEventIds: string[];
            /** @description Drill-down: the won deals counted (won-amount, deals-won) */
            deals: components["schemas"]["GoalDealDto"][];
            /** @description Drill-down: the calls or meetings counted */
            engagements: components["schemas"]["GoalEngagementDto"][];
            /** @description Won deals a `reporting` goal could not convert: not counted, never as 0 */
            gaps: components["schemas"]["GoalGapDto"][];
        };
        CreateSurveyDto: {
            /**
             * @description The scale: NPS 0-10, CES 1-7, CSAT 1-5
             * @enum {string}
             */
            type: "nps" | "ces" | "csat";
            /** @example Q4 NPS */
            name: string;
            /** @description The question asked; default: the type's standard question */
            question?: string;
        };
        SurveySummaryDto: {
            /** Format: uuid */
            surveyId: string;
            /** @enum {string} */
            type: "nps" | "ces" | "csat";
            name: string;
            question: string;
            /** Format: date-time */
            createdAt: string;
            /** @description How many links were answered */
            responses: number;
        };
        SurveyView: {
            /** Format: uuid */
            surveyId: string;
            /** @enum {string} */
            type: "nps" | "ces" | "csat";
            name: string;
            question: string;
            /** @description The survey stream's revision */
            revision: number;
        };
        IssueSurveyLinkDto: {
            /**
             * Format: uuid
             * @description The contact the link is for
             */
            contactId: string;
            /**
             * Format: uuid
             * @description The ticket the answer is about (ticket surveys: CSAT or CES after a ticket closes)
             */
            ticketId?: string | null;
        };
        SurveyLinkResponse: {
            /** @description The id of the record the command acted on */
            id: string;
            /** @description The stream revision after the command; send it back as If-Match */
            revision: number;
            /** @description Global position of the last event written (null when nothing changed); pass as minPosition to read your write */
            position?: string | null;
            /** @description The types of the events the command appended */
            events: string[];
            /**
             * Format: uuid
             * @description The link (the same as id)
             */
            linkId: string;
            /** @description The signed token: answer with it at POST /v1/survey-responses, once, without an API key */
            token: string;
            /** @description The hosted answer page for this link */
            url: string;
        };
        SurveyResponseDto: {
            /** @description The token of the link being answered */
            token: string;
            /** @description A whole number in the survey type's range: NPS 0-10, CES 1-7, CSAT 1-5 */
            score: number;
            /** @description Why; blank means none */
            comment?: string | null;
        };
        SurveyAnsweredResponse: {
            /** @description The id of the record the command acted on */
            id: string;
            /** @description The stream revision after the command; send it back as If-Match */
            revision: number;
            /** @description Global position of the last event written (null when nothing changed); pass as minPosition to read your write */
            position?: string | null;
            /** @description The types of the events the command appended */
            events: string[];
            /**
             * @description What the score says (NPS promoter/passive/detractor, ...)
             * @enum {string}
             */
            category: "promoter" | "passive" | "detractor" | "easy" | "neutral" | "difficult" | "satisfied" | "dissatisfied";
        };
        NpsGroupDto: {
            /** @description The period (YYYY-MM), team or ticket pipeline id; null: none (no owner, no team, no ticket) */
            key: string | null;
            responses: number;
            /** @description Scores 9-10 */
            promoters: number;
            /** @description Scores 7-8 */
            passives: number;
            /** @description Scores 0-6 */
            detractors: number;
            /**
             * @description % promoters - % detractors, to 1 decimal (half to even); null without answers
             * @example 33.3
             */
            score: string | null;
        };
        NpsReportDto: {
            responses: number;
            /** @description Scores 9-10 */
            promoters: number;
            /** @description Scores 7-8 */
            passives: number;
            /** @description Scores 0-6 */
            detractors: number;
            /**
             * @description % promoters - % detractors, -100 to 100, to 1 decimal (half to even); null without answers
             * @example 33.3
             */
            score: string | null;
            /** @enum {string|null} */
            groupBy: "period" | "team" | "ticketPipeline" | null;
            /** @description Per group when groupBy is given, else empty */
            groups: components["schemas"]["NpsGroupDto"][];
        };
        ScoreCountDto: {
            score: number;
            count: number;
        };
        CategoryCountDto: {
            /** @enum {string} */
            category: "promoter" | "passive" | "detractor" | "easy" | "neutral" | "difficult" | "satisfied" | "dissatisfied";
            count: number;
        };
        RatingGroupDto: {
            key: string | null;
            responses: number;
            /**
             * @description The mean score to 2 decimals (half to even)
             * @example 4.33
             */
            average: string | null;
            /** @description Every score of the type's range, with its count */
            distribution: components["schemas"]["ScoreCountDto"][];
            categories: components["schemas"]["CategoryCountDto"][];
        };
        RatingReportDto: {
            /** @enum {string} */
            surveyType: "ces" | "csat";
            responses: number;
            /**
             * @description The mean score to 2 decimals (half to even); null without answers
             * @example 4.33
             */
            average: string | null;
            /** @description Every score of the type's range, with its count (0 included) */
            distribution: components["schemas"]["ScoreCountDto"][];
            /** @description CES: easy 5-7, neutral 4, difficult 1-3; CSAT: satisfied 4-5, neutral 3, dissatisfied 1-2 */
            categories: components["schemas"]["CategoryCountDto"][];
            /** @enum {string|null} */
            groupBy: "period" | "team" | "ticketPipeline" | null;
            groups: components["schemas"]["RatingGroupDto"][];
        };
        SurveyCommentDto: {
            /** Format: uuid */
            linkId: string;
            /** Format: uuid */
            surveyId: string;
            /** @enum {string} */
            surveyType: "nps" | "ces" | "csat";
            score: number;
            /** @enum {string} */
            category: "promoter" | "passive" | "detractor" | "easy" | "neutral" | "difficult" | "satisfied" | "dissatisfied";
            comment: string;
            contactId: string;
            ticketId: string | null;
            /** @description The contact's owner when answered */
            ownerId: string | null;
            team: string | null;
            pipelineId: string | null;
            /** Format: date-time */
            respondedAt: string;
            /** @description The SurveyResponded event */
            eventId: string;
        };
        FormListItemDto: {
            /** Format: uuid */
            id: string;
            name: string;
            version: number;
            fieldCount: number;
            /** @enum {string} */
            consentPolicy: "policy" | "consent";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description FormSubmitted events for this form */
            submissions: number;
            /** Format: date-time */
            lastSubmittedAt: string | null;
        };
        FormFieldValidationDto: {
            /** @description text, textarea, hidden: the longest value accepted (1 to 10000) */
            maxLength?: number | null;
            /** @description text, textarea, hidden: a regular expression the whole value must match */
            pattern?: string | null;
            /** @description select: the values offered (1 to 100) */
            options?: string[] | null;
        };
        FormFieldDto: {
            /**
             * @description The key the value is sent under
             * @example email
             */
            name: string;
            /** @enum {string} */
            type: "text" | "email" | "phone" | "number" | "textarea" | "select" | "checkbox" | "consent" | "hidden";
            /**
             * @description Shown to the visitor; default: the name
             * @example Work email
             */
            label?: string;
            /** @default false */
            required: boolean;
            validation?: components["schemas"]["FormFieldValidationDto"];
            /**
             * @description The contact field it fills in (email, firstName, lastName, phone, jobTitle, country) or property.<name> (a custom contact property); default: the field's own name if it is a contact field; null: kept with the submission only
             * @example property.teamSize
             */
            mapsTo?: string | null;
        };
        FormSettingsDto: {
            /** @default Submit */
            submitText: string;
            /** @description Shown after a submission when there is no redirectUrl */
            thankYouMessage?: string;
            /** @description Where a browser is sent (303) after a submission */
            redirectUrl?: string | null;
            /**
             * @description Origins whose pages may post the form from a browser (CORS)
             * @example [
             *       "https://www.example.com"
             *     ]
             */
            allowedOrigins?: string[];
            /**
             * @description policy: a new contact's marketing status follows the marketing policy for forms; consent: and only when the consent field is ticked
             * @default policy
             * @enum {string}
             */
            consentPolicy: "policy" | "consent";
        };
        CreateFormDto: {
            /** @example Demo request */
            name: string;
            /** @description One field must fill in the contact email and be required */
            fields: components["schemas"]["FormFieldDto"][];
            settings?: components["schemas"]["FormSettingsDto"];
        };
        FormView: {
            /** Format: uuid */
            id: string;
            /** @description The definition version: 1, then one more for each change */
            version: number;
            /** @description The stream revision; send it back as If-Match */
            revision: number;
            name: string;
            fields: components["schemas"]["FormFieldDto"][];
            settings: components["schemas"]["FormSettingsDto"];
            /** @description The hosted page: open it in a browser, or link to it */
            hostedUrl: string;
        };
        UpdateFormDto: {
            name?: string;
            /** @description Replaces the list of fields */
            fields?: components["schemas"]["FormFieldDto"][];
            /** @description Merged into the current settings */
            settings?: components["schemas"]["FormSettingsDto"];
        };
        FormSubmissionDto: {
            /**
             * @description Values by field name
             * @example {
             *       "email": "ada@example.com",
             *       "firstName": "Ada"
             *     }
             */
            fields: {
                [key: string]: unknown;
            };
            /**
             * @description The page the form was on; its utm_* parameters are recorded
             * @example https://www.example.com/demo?utm_source=ads
             */
            pageUrl?: string | null;
        };
        SubmissionUtmDto: {
            source: string | null;
            medium: string | null;
            campaign: string | null;
            term: string | null;
            content: string | null;
        };
        FormSubmissionResponse: {
            /**
             * Format: uuid
             * @description The contact the submission created or updated
             */
            id: string;
            /** @description true: a new contact (201); false: an existing one, found by its email (200) */
            created: boolean;
            /** Format: uuid */
            formId: string;
            formVersion: number;
            /** @description The form's thank-you message */
            message: string;
            /** @description Where the form sends the visitor next */
            redirectUrl: string | null;
            /** @description The utm_source, utm_medium, utm_campaign, utm_term, utm_content of pageUrl */
            utm: components["schemas"]["SubmissionUtmDto"];
            /** @description Global position of FormSubmitted; pass as minPosition to read your write */
            position: string | null;
        };
        SessionView: {
            /**
             * @description The key's role (auth disabled: super-admin, as every request may do everything)
             * @example sales
             */
            role: string;
            /** @description The id of the key that asked (null when auth is disabled) */
            keyId: string | null;
            /**
             * @description What the role may do, as area:access; the console shows only the pages and buttons these allow
             * @example [
             *       "deals:read",
             *       "deals:write",
             *       "read-models:read"
             *     ]
             */
            permissions: string[];
        };
        CreateSnippetDto: {
            /**
             * @description Called as #hello: 1 to 64 lower-case letters, digits, - or _, starting with a letter or digit (a leading # is dropped); unique (409 naming the snippet that holds it)
             * @example hello
             */
            shortcut: string;
            /**
             * @description Default: the shortcut
             * @example Warm hello
             */
            name?: string | null;
            /**
             * @description Plain text with {{variables}}. Variables: {{contact.firstName}}, {{contact.lastName}}, {{contact.fullName}}, {{contact.email}}, {{contact.phone}}, {{contact.jobTitle}}, {{contact.country}}, {{contact.lifecycleStage}}, {{owner.name}}, {{owner.email}}, {{company.name}}, {{company.domain}}, {{deal.name}}, {{deal.amount}}, {{deal.closeDate}}, {{ticket.subject}}, {{ticket.priority}}, and {{contact.properties.<name>}} for a defined contact property. An unknown variable is a 400 naming it.
             * @example Hi {{contact.firstName}}, this is {{owner.name}}.
             */
            body: string;
        };
        SnippetListItemDto: {
            /** Format: uuid */
            snippetId: string;
            /**
             * @description Stored without #, lower-case
             * @example hello
             */
            shortcut: string;
            name: string;
            body: string;
            /** @description The variables the body uses, in order of first use */
            variables: string[];
            /**
             * Format: date-time
             * @description List only: when it last changed
             */
            updatedAt?: string;
        };
        SnippetDto: {
            /** Format: uuid */
            snippetId: string;
            /** @description The stream revision; send it back as If-Match */
            revision: number;
            /**
             * @description Stored without #, lower-case
             * @example hello
             */
            shortcut: string;
            name: string;
            body: string;
            /** @description The variables the body uses, in order of first use */
            variables: string[];
        };
        RenderSnippetDto: {
            /**
             * Format: uuid
             * @description The contact whose values fill {{contact.*}}; its owner fills {{owner.*}} and its company {{company.*}}
             */
            contactId?: string;
            /**
             * Format: uuid
             * @description The company for {{company.*}} (default: the contact's)
             */
            companyId?: string;
            /**
             * Format: uuid
             * @description The deal for {{deal.*}}; its owner fills {{owner.*}} when no contact is named
             */
            dealId?: string;
            /**
             * Format: uuid
             * @description The ticket for {{ticket.*}}
             */
            ticketId?: string;
        };
        RenderedSnippetDto: {
            /** Format: uuid */
            snippetId: string;
            shortcut: string;
            /**
             * @description The body with each value inserted as plain text (never escaped or interpreted); a variable with no value keeps its {{placeholder}} in the text, visibly
             * @example Hi Ada, this is {{owner.name}}.
             */
            text: string;
            /**
             * @description The variables with no value for these records, in order of first use; [] when all were filled
             * @example [
             *       "owner.name"
             *     ]
             */
            missing: string[];
            /** @description Each variable the body uses and the value inserted (null: missing) */
            values: {
                [key: string]: string | null;
            };
        };
        UpdateSnippetDto: {
            /**
             * @description 1 to 64 lower-case letters, digits, - or _, starting with a letter or digit (a leading # is dropped)
             * @example hi
             */
            shortcut?: string;
            /**
             * @description null or blank clears it
             * @example Warm hello
             */
            name?: string | null;
            /**
             * @description Variables: {{contact.firstName}}, {{contact.lastName}}, {{contact.fullName}}, {{contact.email}}, {{contact.phone}}, {{contact.jobTitle}}, {{contact.country}}, {{contact.lifecycleStage}}, {{owner.name}}, {{owner.email}}, {{company.name}}, {{company.domain}}, {{deal.name}}, {{deal.amount}}, {{deal.closeDate}}, {{ticket.subject}}, {{ticket.priority}}, and {{contact.properties.<name>}} for a defined contact property. An unknown variable is a 400 naming it.
             * @example Hi {{contact.firstName}}
             */
            body?: string;
        };
        PlaybookQuestionDto: {
            /**
             * @description Unique in the playbook; the key of its answer: ^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$
             * @example budget
             */
            id: string;
            /** @example What budget do you have? */
            text: string;
            /** @enum {string} */
            type: "text" | "choice" | "number";
            /**
             * @description Choice questions only: 2 or more options
             * @example [
             *       "yes",
             *       "no"
             *     ]
             */
            options?: string[];
            /** @default false */
            required: boolean;
            /**
             * @description The contact property an answer sets: a built-in field (firstName, lastName, phone, jobTitle, country) or a defined custom property of a fitting type (text: string; number: number; choice: string or enum with every option among its values)
             * @example jobTitle
             */
            mapsTo?: string | null;
        };
        CreatePlaybookDto: {
            /** @example Discovery call */
            name: string;
            /**
             * @description The team the playbook belongs to; a key of another role gets 403 PLAYBOOK_TEAM_FORBIDDEN (super-admin writes all)
             * @enum {string}
             */
            team: "sales" | "service" | "marketing";
            questions: components["schemas"]["PlaybookQuestionDto"][];
        };
        PlaybookQuestionViewDto: {
            id: string;
            text: string;
            /** @enum {string} */
            type: "text" | "choice" | "number";
            options: string[];
            required: boolean;
            mapsTo: string | null;
        };
        PlaybookListItemDto: {
            /** Format: uuid */
            playbookId: string;
            name: string;
            /** @enum {string} */
            team: "sales" | "service" | "marketing";
            version: number;
            archived: boolean;
            questions: components["schemas"]["PlaybookQuestionViewDto"][];
            /**
             * Format: date-time
             * @description When its last version was written or it was archived
             */
            updatedAt: string;
        };
        PlaybookDto: {
            /** Format: uuid */
            playbookId: string;
            /** @description The stream revision; send it back as If-Match */
            revision: number;
            /** @description The version runs record: 1, then one more per revision */
            version: number;
            name: string;
            /** @enum {string} */
            team: "sales" | "service" | "marketing";
            archived: boolean;
            questions: components["schemas"]["PlaybookQuestionViewDto"][];
        };
        RevisePlaybookDto: {
            /** @example Discovery call v2 */
            name?: string;
            /** @description The whole question list of the new version */
            questions?: components["schemas"]["PlaybookQuestionDto"][];
        };
        RunPlaybookDto: {
            /**
             * Format: uuid
             * @description The playbook followed (its current version)
             */
            playbookId: string;
            /**
             * @description Question id to answer: text for text questions, a number for number questions, one of the options for choice questions. Each problem is a 400 naming answers.<questionId>.
             * @example {
             *       "budget": 50000,
             *       "role": "CTO"
             *     }
             */
            answers: {
                [key: string]: string | number;
            };
            /**
             * Format: uuid
             * @description The contact the mapped answers update; default: the engagement's only contact (required when it has several)
             */
            contactId?: string;
        };
        PlaybookRunResponse: {
            /**
             * Format: uuid
             * @description The run
             */
            id: string;
            /** Format: uuid */
            engagementId: string;
            /**
             * Format: uuid
             * @description The PlaybookRunRecorded event's id: the causation id of the contact's change
             */
            runEventId: string;
            /** @description The contact the mapped answers updated */
            contactId: string | null;
            /** @description The engagement stream's revision after the run */
            revision: number;
            /** @description Global position of the last event written; pass as minPosition to read your write */
            position: string | null;
            /** @description The types of the events appended, on the engagement and then the contact */
            events: string[];
        };
        ExportedEventDto: {
            /** Format: uuid */
            id: string;
            /** @example ContactCreated */
            type: string;
            /** @example contact-6f1c… */
            streamName: string;
            revision: number;
            /** @description Position in the log, as /v1/streams gives it */
            position: string;
            /** @description As the store reads it: decrypted, or redacted once the contact is erased */
            data: {
                [key: string]: unknown;
            };
            metadata: {
                [key: string]: unknown;
            };
        };
        ContactExportReadModelsDto: {
            /** @description The score (null when never scored) and its explanation */
            leadScore: {
                [key: string]: unknown;
            };
            /** @description GET /v1/contacts/:id/timeline, every page */
            timeline: {
                [key: string]: unknown;
            }[];
            /** @description GET /v1/timelines/contact/:id, every page */
            recordTimeline: {
                [key: string]: unknown;
            }[];
            /** @description GET /v1/engagements?contactId=, every page */
            engagements: {
                [key: string]: unknown;
            }[];
            /** @description GET /v1/contacts/:id/associations, every page */
            associations: {
                [key: string]: unknown;
            }[];
        };
        ContactExportDocument: {
            /** @enum {string} */
            format: "tally.contact-export";
            /**
             * @description Bumped when a field changes meaning or goes away
             * @enum {number}
             */
            formatVersion: 1;
            /** Format: uuid */
            contactId: string;
            /** Format: date-time */
            exportedAt: string;
            /** @description The API key that asked */
            exportedBy: string;
            /** @description The contact was erased: personal fields read redacted */
            erased: boolean;
            /** @description The ContactErased event, when erased */
            erasure: components["schemas"]["ExportedEventDto"] | null;
            /** @description The contact as its stream folds it (status active, merged or erased) */
            contact: {
                [key: string]: unknown;
            };
            /** @description The contact's own streams (contact-, activity-, and those of contacts merged into it), then every deal, ticket, engagement, association, survey, workflow-run and email-claim event that names it, in log order */
            events: components["schemas"]["ExportedEventDto"][];
            readModels: components["schemas"]["ContactExportReadModelsDto"];
        };
        EraseContactDto: {
            /**
             * @description Why, for the audit record; it is kept after the erasure, so it must not repeat the personal data
             * @example Request #4711 received by post on 2026-03-02
             */
            reason: string;
            /**
             * @description The ground for erasure, GDPR Art. 17(1) (a) to (f)
             * @enum {string}
             */
            legalBasis: "no-longer-necessary" | "consent-withdrawn" | "objection" | "unlawful-processing" | "legal-obligation" | "child-data";
        };
        ErasureRecordDto: {
            contactId: string;
            /** @description The actor (API key) that erased the contact */
            erasedBy: string;
            /** Format: date-time */
            erasedAt: string;
            /** @enum {string} */
            legalBasis: "no-longer-necessary" | "consent-withdrawn" | "objection" | "unlawful-processing" | "legal-obligation" | "child-data";
            reason: string;
            /** @description Global position of ContactErased; wait for read models with it */
            position: string | null;
        };
        /** @description Every error answer: a machine-readable code and a message; a bad request names each bad field. Some codes add details (existingId, expectedRevision, retryAfterSeconds, ...). */
        ApiError: {
            /**
             * @description A stable code, such as VALIDATION_FAILED, NOT_FOUND or CONCURRENCY_CONFLICT
             * @example NOT_FOUND
             */
            error: string;
            /**
             * @description What went wrong, for a person
             * @example contact 6f1c... does not exist
             */
            message: string;
            /** @description Each bad field of a 400, with why */
            fields?: {
                /** @example email */
                field: string;
                /** @example email must be an email address */
                reason: string;
            }[];
            /** @description NOT_FOUND: the id that does not exist */
            id?: string;
            /** @description ALREADY_EXISTS: the record that already has the value */
            existingId?: string;
            /** @description RULE_VIOLATED: the business rule refused */
            rule?: string;
            /** @description CONCURRENCY_CONFLICT: the revision the command expected */
            expectedRevision?: number;
            /** @description CONCURRENCY_CONFLICT: the revision the stream is at (-1: no stream) */
            actualRevision?: number;
            /** @description RATE_LIMITED: when to try again (also in Retry-After) */
            retryAfterSeconds?: number;
        } & {
            [key: string]: unknown;
        };
    };
    responses: {
        /** @description A field, parameter, header or the body is invalid; `fields` names each one */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description No API key, or an unknown, malformed or revoked one (send Authorization: Bearer <key>) */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description The key's role may not do this */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description The record in the path does not exist */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description If-Match is stale or the record changed meanwhile (CONCURRENCY_CONFLICT), or the value is taken (ALREADY_EXISTS) */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description The body is larger than this route accepts */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description A business rule refused the command (RULE_VIOLATED), or the Idempotency-Key was sent with another body */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description Too many requests for this key; retry after Retry-After seconds */
        RateLimited: {
            headers: {
                /** @description Seconds to wait before retrying */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description The database is unreachable, or the read model is behind or being rebuilt; retry after Retry-After seconds */
        Unavailable: {
            headers: {
                /** @description Seconds to wait before retrying */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    SystemController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthView"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    KeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    KeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedKeyView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description ownerId names no owner */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    KeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    EventCatalogController_catalog: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventCatalogView"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ProjectionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BuildList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ProjectionsController_one: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BuildList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ProjectionsController_rebuild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RebuildDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RebuildStartedView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ProjectionsController_progress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RebuildProgressView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ProjectionsController_report: {
        parameters: {
            query?: {
                /** @description The build to compare with (default: the active one, or the previous active one) */
                against?: number;
            };
            header?: never;
            path: {
                name: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayReportView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Only lead-score builds have a replay report */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ProjectionsController_skip: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SkipDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BuildStatusView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description No build of the projection is parked on this event */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ProjectionsController_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResumedView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The projection is not parked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ImportController_import: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description One event or command per line: {"streamName": "contact-<id>", "event": {"id", "type", "data", "metadata": {"occurredAt"}}} or {"command": "CreateContact", "id": "<uuid>", "occurredAt"?: "<ISO>", "data": {...the route's body, plus the record id}} */
        requestBody: {
            content: {
                "application/x-ndjson": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReportView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The body is not application/x-ndjson in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    FormulasController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormulaList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    FormulasController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A formula document (JSON, or YAML with Content-Type application/yaml) */
        requestBody: {
            content: {
                "application/json": string;
                "application/yaml": string;
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedFormulaView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    FormulasController_one: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description SHA-256 of the formula's canonical JSON (64 hex characters) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormulaSummaryView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    BacktestsController_run: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BacktestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BacktestView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    LeadScoreVerifyController_verifyAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyReportDto"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    OwnerListController_list: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description A case-insensitive substring of the names, email, domain or phone (digits match however spaced) */
                q?: string;
                limit?: number;
                /** @description nextCursor of the previous page, with the same sort and filters */
                cursor?: string;
                /** @description Owners in this team */
                team?: string;
                role?: "super-admin" | "marketing" | "sales" | "service";
                /** @description - for descending; case-insensitively; ties by owner id */
                sort?: "name" | "-name";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["OwnerListItemDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    OwnersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOwnerDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    OwnersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOwnerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description If-Match names a revision the owner has moved past */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PipelinesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PipelinesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePipelineDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PipelinesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The record in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PipelinesController_rename: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenamePipelineDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description If-Match names a revision the pipeline has moved past */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PipelinesController_addStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddPipelineStageDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PipelinesController_archiveStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                stageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PipelinesController_updateStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                stageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePipelineStageDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PipelinesController_reorder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReorderPipelineStagesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    DealTotalsController_totals: {
        parameters: {
            query: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description The deal pipeline whose stages are totalled */
                pipelineId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["DealStageTotalDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    DealsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The record in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    DealsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDealDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description If-Match is stale, or another deal has a unique property value: {error: ALREADY_EXISTS, existingId} */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    DealListController_list: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description A case-insensitive substring of the names, email, domain or phone (digits match however spaced) */
                q?: string;
                limit?: number;
                /** @description nextCursor of the previous page, with the same sort and filters */
                cursor?: string;
                /** @description Deals in this pipeline */
                pipelineId?: string;
                /** @description Deals in this stage */
                stageId?: string;
                /** @description Deals this owner owns */
                ownerId?: string;
                outcome?: "open" | "won" | "lost";
                /** @description Deals in this currency (ISO 4217); amountMin and amountMax need it */
                currency?: string;
                /** @description Deals worth at least this, in currency */
                amountMin?: string;
                /** @description Deals worth at most this, in currency */
                amountMax?: string;
                /** @description Expected to close on or after this day */
                closeFrom?: string;
                /** @description Expected to close on or before this day */
                closeTo?: string;
                /** @description - for descending; name case-insensitively; ties by deal id */
                sort?: "createdAt" | "-createdAt" | "closeDate" | "-closeDate" | "amount" | "-amount" | "name" | "-name";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["DealListItemDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    DealsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDealDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The pipeline, or the deal named by renewsDealId, does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Another deal has a unique property value: {error: ALREADY_EXISTS, existingId} */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    DealsController_moveToStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveDealToStageDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    DealsController_reopen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReopenDealDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    DealsController_associateContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssociateDealContactDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    DealsController_dissociateContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    DealsController_associateCompany: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssociateDealCompanyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    TicketsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The record in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    TicketsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTicketDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description If-Match is stale, or another ticket has a unique property value: {error: ALREADY_EXISTS, existingId} */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    TicketListController_list: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description A case-insensitive substring of the names, email, domain or phone (digits match however spaced) */
                q?: string;
                limit?: number;
                /** @description nextCursor of the previous page, with the same sort and filters */
                cursor?: string;
                /** @description Tickets in this pipeline */
                pipelineId?: string;
                /** @description Tickets in this stage */
                stageId?: string;
                /** @description Tickets this owner owns */
                ownerId?: string;
                priority?: "low" | "medium" | "high" | "urgent";
                status?: "open" | "closed";
                /** @description - for descending; priority from low to urgent; subject case-insensitively; ties by ticket id */
                sort?: "createdAt" | "-createdAt" | "priority" | "-priority" | "subject" | "-subject";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["TicketListItemDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    TicketsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTicketDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The pipeline does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Another ticket has a unique property value: {error: ALREADY_EXISTS, existingId} */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    TicketsController_moveToStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveTicketToStageDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    TicketsController_assignOwner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignTicketOwnerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    TicketsController_changePriority: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeTicketPriorityDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    EngagementListController_list: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                limit?: number;
                /** @description nextCursor of the previous page, with the same filters and sort */
                cursor?: string;
                /** @description Engagements of this owner */
                ownerId?: string;
                kind?: "email" | "call" | "meeting" | "note" | "task";
                /** @description Engagements tied to this contact */
                contactId?: string;
                /** @description Engagements tied to this company */
                companyId?: string;
                /** @description Engagements tied to this deal */
                dealId?: string;
                /** @description Engagements tied to this ticket */
                ticketId?: string;
                /** @description occurredAt at or after this instant */
                from?: string;
                /** @description occurredAt at or before this instant */
                to?: string;
                /** @description `-` for descending; ties go by id */
                sort?: "occurredAt" | "-occurredAt" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["EngagementListItemDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    EngagementsController_log: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogEngagementDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description The key is bound to an owner and ownerId names another: {error: FORBIDDEN, fields: [ownerId]} */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    EngagementListController_get: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["EngagementListItemDto"];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No engagement of this id (yet: minPosition waits for a write) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    EngagementsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEngagementDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description A field the kind does not have (priority on a call, durationMinutes on a task), named in fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The record in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match names a revision the engagement has moved past */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    EngagementsController_reschedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RescheduleTaskDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The record in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    EngagementsController_complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteTaskDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description The key is bound to an owner and completedBy names another */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The record in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    EngagementsController_reopen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The record in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    TasksController_queue: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                limit?: number;
                /** @description nextCursor of the previous page, with the same filters and sort */
                cursor?: string;
                /** @description An owner's id, or `me` (needs a key bound to an owner). Default: the key's owner for a bound key, else every owner */
                ownerId?: string;
                /** @description today: due on the current UTC day; overdue: open and due before now; upcoming: due after today */
                due?: "today" | "overdue" | "upcoming";
                status?: "open" | "completed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        /**
                         * Format: date-time
                         * @description The instant today, overdue and upcoming were measured at
                         */
                        asOf: string;
                        /**
                         * @description The zone whose day is today
                         * @example UTC
                         */
                        timeZone: string;
                        data: components["schemas"]["EngagementListItemDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ContactListController_list: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description A case-insensitive substring of the names, email, domain or phone (digits match however spaced) */
                q?: string;
                limit?: number;
                /** @description nextCursor of the previous page, with the same sort and filters */
                cursor?: string;
                /** @description Contacts this owner owns */
                ownerId?: string;
                lifecycleStage?: "subscriber" | "lead" | "marketing-qualified" | "sales-qualified" | "opportunity" | "customer" | "evangelist" | "other";
                marketingStatus?: "marketing" | "non-marketing";
                source?: "form" | "import" | "integration" | "conversation" | "manual" | "mobile" | "email-logging" | "meeting" | "api";
                /** @description Contacts associated with this company, or whose primary company it is */
                companyId?: string;
                /** @description Created at or after: an ISO date-time, or a day (from its midnight UTC) */
                createdFrom?: string;
                /** @description Created at or before: an ISO date-time, or a day (through its end, UTC) */
                createdTo?: string;
                /** @description - for descending; score is the lead score total (unscored contacts last) */
                sort?: "createdAt" | "-createdAt" | "lastActivityAt" | "-lastActivityAt" | "name" | "-name" | "score" | "-score";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["ContactListItemDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ContactsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateContactDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description Another contact has this email: {error: ALREADY_EXISTS, existingId} */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ContactsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactRecord"] | components["schemas"]["MergedContactRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The record in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ContactsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateContactDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description If-Match is stale, or another contact has the new email */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ContactsController_lifecycleStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeLifecycleStageDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ContactsController_owner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignContactOwnerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The contact or the owner does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ContactsController_marketingStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeMarketingStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ContactsController_associate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssociateCompanyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The contact or the company does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ContactsController_dissociate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                companyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The contact or the company does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ContactsController_merge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeContactDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            /** @description Merging into itself, or either contact was merged already */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ContactActivityController_pageView: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordPageViewDto"];
            };
        };
        responses: {
            /** @description revision is the contact's (behaviour goes to its activity stream); position is the event written */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ContactActivityController_formSubmission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordFormSubmissionDto"];
            };
        };
        responses: {
            /** @description revision is the contact's (behaviour goes to its activity stream); position is the event written */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ContactActivityController_emailEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordEmailEventDto"];
            };
        };
        responses: {
            /** @description revision is the contact's (behaviour goes to its activity stream); position is the event written */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            /** @description rule marketing-email-to-non-marketing-contact: the contact is not a marketing contact */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    CompanyListController_list: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description A case-insensitive substring of the names, email, domain or phone (digits match however spaced) */
                q?: string;
                limit?: number;
                /** @description nextCursor of the previous page, with the same sort and filters */
                cursor?: string;
                /** @description A web domain, normalized as companies store it (`https://www.Acme.com/x` is acme.com) */
                domain?: string;
                /** @description An industry, case-insensitively */
                industry?: string;
                /** @description - for descending */
                sort?: "createdAt" | "-createdAt" | "name" | "-name";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["CompanyListItemDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    CompaniesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCompanyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description Another company has this domain or unique property value: {error: ALREADY_EXISTS, existingId} */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    CompaniesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyRecord"] | components["schemas"]["MergedCompanyRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The record in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    CompaniesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCompanyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description If-Match is stale, or another company has the new domain or unique property value: {error: ALREADY_EXISTS, existingId} */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PropertiesController_list: {
        parameters: {
            query?: {
                /** @description List removed properties too */
                includeRemoved?: "true" | "false";
            };
            header?: never;
            path: {
                type: "contacts" | "companies" | "deals" | "tickets";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PropertyDefinitionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PropertiesController_define: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type: "contacts" | "companies" | "deals" | "tickets";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DefinePropertyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The type already has a property by this name */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            /** @description A built-in field name, an enum without options, a unique property that is no string or number */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PropertiesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                type: "contacts" | "companies" | "deals" | "tickets";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PropertyDefinitionView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description Never defined, or removed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PropertiesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                type: "contacts" | "companies" | "deals" | "tickets";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description Never defined, or removed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PropertiesController_change: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                type: "contacts" | "companies" | "deals" | "tickets";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePropertyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description Never defined, or removed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            /** @description Options on a property that is no enum, or turning unique on after the definition */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    CompanyMergeController_merge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeCompanyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description Either company does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            /** @description Merging into itself, or either company was merged already */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SearchController_search: {
        parameters: {
            query: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description What to look for (trimmed): words, an email or a fragment, a domain, a phone number */
                q: string;
                /** @description Comma-separated object types to search (default: all the key may read) */
                types?: string[];
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["SearchHitDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    DuplicatesController_contacts: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["DuplicatePairDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    DuplicatesController_companies: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["DuplicatePairDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SettingsController_marketingPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketingPolicyRecord"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SettingsController_changeMarketingPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeMarketingPolicyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description If-Match names a revision the policy has moved past */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            /** @description rule locked-source: that source is always non-marketing */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SettingsController_reportingCurrency: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingCurrencyRecord"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SettingsController_setReportingCurrency: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetReportingCurrencyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description If-Match names a revision the setting has moved past */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ExchangeRatesController_onDate: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description Only the rates of this base currency */
                base?: string;
            };
            header?: never;
            path: {
                /** @description a calendar date YYYY-MM-DD that exists, from 1900-01-01 to 2199-12-31 */
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["RatesOnDateDto"];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No rate was published on or before the date */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ExchangeRatesController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a calendar date YYYY-MM-DD that exists, from 1900-01-01 to 2199-12-31 */
                date: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishExchangeRatesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ExchangeRatesController_importRates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description CSV with the header `date,base,quote,rate` then one rate per row, and/or NDJSON lines {"date", "base", "quote", "rate"} or {"date", "base", "rates": {...}}. The rows of one date and base become one publication, which replaces that day's set for that base. */
        requestBody: {
            content: {
                "text/csv": string;
                "application/x-ndjson": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatesImportDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The body is not text/csv or application/x-ndjson in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ExchangeRatesController_list: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description First publication date, inclusive: a calendar date YYYY-MM-DD that exists, from 1900-01-01 to 2199-12-31 */
                from?: string;
                /** @description Last publication date, inclusive: a calendar date YYYY-MM-DD that exists, from 1900-01-01 to 2199-12-31 */
                to?: string;
                /** @description Only the rates of this base currency */
                base?: string;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["ExchangeRateDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PipelineHealthController_health: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description One pipeline (data is then one object); all deal pipelines when omitted */
                pipelineId?: string;
                /** @description The pipeline as it stood at this instant (ISO date-time): a past instant answers from the deal history (stages, probabilities, amounts and outcomes as they were then); default: now */
                asOf?: string;
                /** @description Only deals in this currency (ISO 4217) */
                currency?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["PipelineHealthDto"][] | components["schemas"]["PipelineHealthDto"];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PipelineHealthController_stuck: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                pipelineId?: string;
                /** @description Stuck as of this instant (ISO date-time); default: now */
                asOf?: string;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["StuckDealDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    StageDurationsController_stats: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description One pipeline; every deal pipeline when omitted */
                pipelineId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["StageDurationStatsDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    StageDurationsController_visits: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description One pipeline; every deal pipeline when omitted */
                pipelineId?: string;
                stageId?: string;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["StageVisitDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    StageDurationsController_deal: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description A visit still in progress counts up to this instant (ISO date-time); default: now */
                asOf?: string;
            };
            header?: never;
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["DealStageDurationsDto"];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    MarketingContactsReadModelController_count: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description ISO date-time (or a day, from its midnight UTC) to count at; default: now */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["MarketingContactCountDto"];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    MarketingContactsReadModelController_changes: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description ISO date-time or day, inclusive */
                from?: string;
                /** @description ISO date-time or day, exclusive */
                to?: string;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["MarketingContactChangeDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    RepActivityReadModelController_list: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description First UTC day, inclusive */
                from?: string;
                /** @description Last UTC day, inclusive; default: the day of asOf */
                to?: string;
                /** @description ISO date-time the default range ends at; default: now */
                asOf?: string;
                /** @description One owner only */
                ownerId?: string;
                granularity?: "day" | "week" | "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        range: {
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            to: string;
                        };
                        /** @enum {string} */
                        granularity: "day" | "week" | "month";
                        data: components["schemas"]["RepActivityRowDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    MrrReadModelController_month: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description The UTC month (YYYY-MM); default: the current one */
                month?: string;
                /** @description Per currency and the deal's current owner or pipeline */
                groupBy?: "owner" | "pipeline";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        /** @example 2026-01 */
                        month: string;
                        /** @enum {string|null} */
                        groupBy: "owner" | "pipeline" | null;
                        data: components["schemas"]["MrrRowDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    MrrReadModelController_deals: {
        parameters: {
            query: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description The UTC month (YYYY-MM); default: the current one */
                month?: string;
                /** @description The figure to explain: a movement of the month, or total (the MRR in force) */
                kind: "new" | "expansion" | "contraction" | "churn" | "total";
                /** @description Only this currency (ISO 4217) */
                currency?: string;
                /** @description Only deals this owner currently owns (a row of groupBy=owner) */
                ownerId?: string;
                /** @description Only deals in this pipeline (a row of groupBy=pipeline) */
                pipelineId?: string;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        /** @example 2026-01 */
                        month: string;
                        /** @enum {string} */
                        kind: "new" | "expansion" | "contraction" | "churn" | "total";
                        data: components["schemas"]["MrrDrillRowDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    FunnelReadModelController_funnel: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description First UTC day contacts and deals were created on, inclusive; default: 365 days ending at to */
                from?: string;
                /** @description Last UTC day contacts and deals were created on, inclusive; default: the day of asOf */
                to?: string;
                /** @description The funnel as it stood at this instant (ISO date-time): later facts are left out; default: now */
                asOf?: string;
                /** @description source: the contact's original source (first touch); cohort: the month it was created */
                groupBy?: "source" | "cohort";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        range: {
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            to: string;
                        };
                        /** Format: date-time */
                        asOf: string;
                        /** @enum {string} */
                        groupBy: "source" | "cohort";
                        /** @description As GET /v1/read-models/funnel/attribution */
                        attribution: components["schemas"]["FunnelAttributionRowDto"][];
                        data: components["schemas"]["FunnelGroupDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    FunnelReadModelController_attribution: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description First UTC day contacts and deals were created on, inclusive; default: 365 days ending at to */
                from?: string;
                /** @description Last UTC day contacts and deals were created on, inclusive; default: the day of asOf */
                to?: string;
                /** @description The funnel as it stood at this instant (ISO date-time): later facts are left out; default: now */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        range: {
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            to: string;
                        };
                        /** Format: date-time */
                        asOf: string;
                        data: components["schemas"]["FunnelAttributionRowDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    FunnelReadModelController_contacts: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description First UTC day contacts and deals were created on, inclusive; default: 365 days ending at to */
                from?: string;
                /** @description Last UTC day contacts and deals were created on, inclusive; default: the day of asOf */
                to?: string;
                /** @description The funnel as it stood at this instant (ISO date-time): later facts are left out; default: now */
                asOf?: string;
                /** @description source: the contact's original source (first touch); cohort: the month it was created */
                groupBy?: "source" | "cohort";
                /** @description The contacts counted at this stage (reached it or passed it) */
                stage?: "subscriber" | "lead" | "marketing-qualified" | "sales-qualified" | "opportunity" | "customer";
                /** @description One group of the answer (a source, or a cohort YYYY-MM) */
                group?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        range: {
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            to: string;
                        };
                        /** Format: date-time */
                        asOf: string;
                        /** @enum {string} */
                        groupBy: "source" | "cohort";
                        data: components["schemas"]["FunnelContactDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    FunnelReadModelController_deals: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description First UTC day contacts and deals were created on, inclusive; default: 365 days ending at to */
                from?: string;
                /** @description Last UTC day contacts and deals were created on, inclusive; default: the day of asOf */
                to?: string;
                /** @description The funnel as it stood at this instant (ISO date-time): later facts are left out; default: now */
                asOf?: string;
                model?: "first-touch" | "last-touch";
                /** @description One source of the attribution table ((none): deals without a touch before creation) */
                source?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        range: {
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            to: string;
                        };
                        /** Format: date-time */
                        asOf: string;
                        data: components["schemas"]["FunnelDealDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ForecastController_forecast: {
        parameters: {
            query: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description The UTC month forecast (YYYY-MM) */
                month: string;
                /** @description Only deals in this pipeline */
                pipelineId?: string;
                /** @description Also convert every deal's figures into this currency (ISO 4217), or 'reporting' for the workspace's reporting currency, at the rate in force on the figure's date: the expected close date of an open deal, the close date of a won one */
                currency?: string;
                /** @description The forecast as it stood then: a day (as of its end: everything that occurred on it counts) or an instant; default: now */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["ForecastDto"];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ForecastController_forecastDeals: {
        parameters: {
            query: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description The UTC month forecast (YYYY-MM) */
                month: string;
                /** @description Only deals in this pipeline */
                pipelineId?: string;
                /** @description Also convert every deal's figures into this currency (ISO 4217), or 'reporting' for the workspace's reporting currency, at the rate in force on the figure's date: the expected close date of an open deal, the close date of a won one */
                currency?: string;
                /** @description The forecast as it stood then: a day (as of its end: everything that occurred on it counts) or an instant; default: now */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["ForecastDealDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ForecastController_accuracy: {
        parameters: {
            query: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description The UTC month forecast (YYYY-MM) */
                month: string;
                /** @description Only deals in this pipeline */
                pipelineId?: string;
                /** @description Also convert every deal's figures into this currency (ISO 4217), or 'reporting' for the workspace's reporting currency, at the rate in force on the figure's date: the expected close date of an open deal, the close date of a won one */
                currency?: string;
                /** @description The dates compared, comma-separated, in the order to chain them (1 to 12); each a day (as of its end) or an instant */
                asOf: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["ForecastAccuracyDto"];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    TicketsReadModelController_openByStage: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description One ticket pipeline only */
                pipelineId?: string;
                /** @description ISO date-time ages are measured at; default: now */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        /** Format: date-time */
                        asOf: string;
                        data: components["schemas"]["OpenTicketsByStageDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    TicketsReadModelController_createdPerWeek: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description First UTC day, inclusive */
                from?: string;
                /** @description Last UTC day, inclusive; default: the day of asOf */
                to?: string;
                /** @description ISO date-time the default range ends at; default: now */
                asOf?: string;
                /** @description One ticket pipeline only */
                pipelineId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        range: {
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            to: string;
                        };
                        data: components["schemas"]["TicketsCreatedInWeekDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    LeadScoresController_list: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                qualification?: "none" | "mql" | "sql";
                /** @description Only contacts whose total is at least this */
                minScore?: number;
                /** @description updated: by the score's as-of instant */
                sort?: "score" | "-score" | "updated" | "-updated";
                limit?: number;
                /** @description nextCursor of the previous page, with the same filters and sort */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["LeadScoreSummaryDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    LeadScoresController_one: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description ISO date-time: the score as it was then, derived from the event log */
                asOf?: string;
                /** @description A saved formula: the score it would have given (default: the active build's) */
                formulaId?: string;
            };
            header?: never;
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["LeadScoreDetailDto"] | components["schemas"]["DerivedLeadScoreDto"];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    LeadScoresController_contributions: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
            };
            header?: never;
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["LeadScoreContributionRowDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    LeadScoresController_explain: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description ISO date-time: recompute from the log with the active formula (default: the stored score) */
                asOf?: string;
            };
            header?: never;
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["LeadScoreExplanationDto"];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    LeadScoresController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyReportDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ContactTimelineController_timeline: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                limit?: number;
                /** @description nextCursor of the previous page, with the same types */
                cursor?: string;
                /** @description Comma-separated event types to keep */
                types?: string[];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["TimelineEntryDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    TimelinesController_timeline: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                limit?: number;
                /** @description nextCursor of the previous page, with the same types */
                cursor?: string;
                /** @description Comma-separated event types to keep */
                types?: string[];
            };
            header?: never;
            path: {
                id: string;
                type: "contact" | "company" | "deal" | "ticket";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["RecordTimelineEntryDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    StreamsController_all: {
        parameters: {
            query?: {
                /** @description Start after this position (exclusive); -1 for the whole log. Omitted: from the start. Last-Event-ID wins. */
                from?: string;
                /** @description Only these event types (comma-separated) */
                types?: string;
                /** @description Only event types starting with one of these (comma-separated) */
                typePrefix?: string;
            };
            header?: {
                /** @description Resume after this position (sent by EventSource on reconnect) */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events, each `id: <position>`, `event: <type>`, `data: {id, type, stream, revision, position, occurredAt, data, metadata}` (JSON); the AsyncAPI document at /v1/asyncapi.json describes every event */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    StreamsController_category: {
        parameters: {
            query?: {
                /** @description Start after this position (exclusive); -1 for the whole log. Omitted: from the start. Last-Event-ID wins. */
                from?: string;
                /** @description Only these event types (comma-separated) */
                types?: string;
                /** @description Only event types starting with one of these (comma-separated) */
                typePrefix?: string;
            };
            header?: {
                /** @description Resume after this position (sent by EventSource on reconnect) */
                "Last-Event-ID"?: string;
            };
            path: {
                category: "contact" | "activity" | "company" | "deal" | "ticket" | "engagement" | "owner" | "pipeline" | "scoring";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events, each `id: <position>`, `event: <type>`, `data: {id, type, stream, revision, position, occurredAt, data, metadata}` (JSON); the AsyncAPI document at /v1/asyncapi.json describes every event */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"][];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WebhooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WebhooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WebhooksController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WebhooksController_pause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WebhooksController_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WebhooksController_replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplayWebhookDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WebhooksController_deliveries: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryView"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    AsyncApiController_document: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An AsyncAPI 3.0 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AsyncApiDocumentView"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    AssociationsController_associate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssociationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description One of the records does not exist; `field` says which */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    AssociationsController_dissociate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssociationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description One of the records does not exist; `field` says which */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description PRIMARY_COMPANY_REQUIRED: the company is the deal's primary company; set another one instead */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    RecordAssociationsController_contact: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description Only associations with records of this object type */
                type?: "contact" | "company" | "deal" | "ticket";
                /** @description Only this label (`primary`: the primary company) */
                label?: string;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["AssociationEntryDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such record among the contacts */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    RecordAssociationsController_company: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description Only associations with records of this object type */
                type?: "contact" | "company" | "deal" | "ticket";
                /** @description Only this label (`primary`: the primary company) */
                label?: string;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["AssociationEntryDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such record among the companies */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    RecordAssociationsController_deal: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description Only associations with records of this object type */
                type?: "contact" | "company" | "deal" | "ticket";
                /** @description Only this label (`primary`: the primary company) */
                label?: string;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["AssociationEntryDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such record among the deals */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    RecordAssociationsController_ticket: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description Only associations with records of this object type */
                type?: "contact" | "company" | "deal" | "ticket";
                /** @description Only this label (`primary`: the primary company) */
                label?: string;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["AssociationEntryDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such record among the tickets */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WorkflowsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WorkflowsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A workflow definition (JSON, or YAML with Content-Type application/yaml), or {"definition": <the definition, or its JSON/YAML text>} */
        requestBody: {
            content: {
                "application/json": {
                    /** @example Demo request handoff */
                    name: string;
                    /**
                     * @example {
                     *       "event": "FormSubmitted",
                     *       "where": {
                     *         "formId": "demo"
                     *       }
                     *     }
                     */
                    trigger: {
                        [key: string]: unknown;
                    };
                    /**
                     * @example [
                     *       {
                     *         "id": "handoff",
                     *         "action": "createTask",
                     *         "owner": "contactOwner",
                     *         "subject": "Call {{contact.email}} about the demo",
                     *         "dueInBusinessDays": 1
                     *       }
                     *     ]
                     */
                    steps: {
                        [key: string]: unknown;
                    }[];
                } & {
                    [key: string]: unknown;
                };
                "application/yaml": {
                    /** @example Demo request handoff */
                    name: string;
                    /**
                     * @example {
                     *       "event": "FormSubmitted",
                     *       "where": {
                     *         "formId": "demo"
                     *       }
                     *     }
                     */
                    trigger: {
                        [key: string]: unknown;
                    };
                    /**
                     * @example [
                     *       {
                     *         "id": "handoff",
                     *         "action": "createTask",
                     *         "owner": "contactOwner",
                     *         "subject": "Call {{contact.email}} about the demo",
                     *         "dueInBusinessDays": 1
                     *       }
                     *     ]
                     */
                    steps: {
                        [key: string]: unknown;
                    }[];
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedWorkflowView"];
                };
            };
            /** @description Every error of the definition, each with its JSON Pointer: {error, message, fields, errors} */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WorkflowsController_validate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A workflow definition (JSON, or YAML with Content-Type application/yaml), or {"definition": <the definition, or its JSON/YAML text>} */
        requestBody: {
            content: {
                "application/json": {
                    /** @example Demo request handoff */
                    name: string;
                    /**
                     * @example {
                     *       "event": "FormSubmitted",
                     *       "where": {
                     *         "formId": "demo"
                     *       }
                     *     }
                     */
                    trigger: {
                        [key: string]: unknown;
                    };
                    /**
                     * @example [
                     *       {
                     *         "id": "handoff",
                     *         "action": "createTask",
                     *         "owner": "contactOwner",
                     *         "subject": "Call {{contact.email}} about the demo",
                     *         "dueInBusinessDays": 1
                     *       }
                     *     ]
                     */
                    steps: {
                        [key: string]: unknown;
                    }[];
                } & {
                    [key: string]: unknown;
                };
                "application/yaml": {
                    /** @example Demo request handoff */
                    name: string;
                    /**
                     * @example {
                     *       "event": "FormSubmitted",
                     *       "where": {
                     *         "formId": "demo"
                     *       }
                     *     }
                     */
                    trigger: {
                        [key: string]: unknown;
                    };
                    /**
                     * @example [
                     *       {
                     *         "id": "handoff",
                     *         "action": "createTask",
                     *         "owner": "contactOwner",
                     *         "subject": "Call {{contact.email}} about the demo",
                     *         "dueInBusinessDays": 1
                     *       }
                     *     ]
                     */
                    steps: {
                        [key: string]: unknown;
                    }[];
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowValidationView"];
                };
            };
            /** @description Every error of the definition, each with its JSON Pointer: {error, message, fields, errors} */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WorkflowsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such workflow */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WorkflowsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description A workflow definition (JSON, or YAML with Content-Type application/yaml), or {"definition": <the definition, or its JSON/YAML text>} */
        requestBody: {
            content: {
                "application/json": {
                    /** @example Demo request handoff */
                    name: string;
                    /**
                     * @example {
                     *       "event": "FormSubmitted",
                     *       "where": {
                     *         "formId": "demo"
                     *       }
                     *     }
                     */
                    trigger: {
                        [key: string]: unknown;
                    };
                    /**
                     * @example [
                     *       {
                     *         "id": "handoff",
                     *         "action": "createTask",
                     *         "owner": "contactOwner",
                     *         "subject": "Call {{contact.email}} about the demo",
                     *         "dueInBusinessDays": 1
                     *       }
                     *     ]
                     */
                    steps: {
                        [key: string]: unknown;
                    }[];
                } & {
                    [key: string]: unknown;
                };
                "application/yaml": {
                    /** @example Demo request handoff */
                    name: string;
                    /**
                     * @example {
                     *       "event": "FormSubmitted",
                     *       "where": {
                     *         "formId": "demo"
                     *       }
                     *     }
                     */
                    trigger: {
                        [key: string]: unknown;
                    };
                    /**
                     * @example [
                     *       {
                     *         "id": "handoff",
                     *         "action": "createTask",
                     *         "owner": "contactOwner",
                     *         "subject": "Call {{contact.email}} about the demo",
                     *         "dueInBusinessDays": 1
                     *       }
                     *     ]
                     */
                    steps: {
                        [key: string]: unknown;
                    }[];
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedWorkflowView"];
                };
            };
            /** @description Every error of the definition, each with its JSON Pointer: {error, message, fields, errors} */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such workflow */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match names a version that is no longer the current one */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WorkflowsController_activate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivateWorkflowDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowStatusView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such workflow */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WorkflowsController_pause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PauseWorkflowDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowStatusView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such workflow */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WorkflowsController_runs: {
        parameters: {
            query?: {
                /** @description Only a contact's runs */
                contactId?: string;
                /** @description Only one record's runs (a contact, company, deal or ticket) */
                recordId?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowRunList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such workflow */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WorkflowsController_simulate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SimulationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimulationReportView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such workflow */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WorkflowsController_parkedEvents: {
        parameters: {
            query?: {
                /** @description Only pairs in this state; all by default */
                status?: "parked" | "retried" | "skipped";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParkedWorkflowEventList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such workflow */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WorkflowsController_retryParked: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                eventId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ParkedEventKindDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParkedWorkflowEventView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such workflow, or no such parked event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            /** @description The event is not parked any more (retried or skipped) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WorkflowsController_skipParked: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                eventId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SkipParkedEventDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParkedWorkflowEventView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such workflow, or no such parked event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            /** @description The event is not parked any more (retried or skipped) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    WorkflowsController_schedules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowScheduleList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such workflow */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    GoalsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetGoalDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description A field at fault, named in fields: neither or both of ownerId and team, an unknown owner, a currency on a count, a target outside its rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    GoalsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such goal, or it was removed already */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match names a revision the goal has moved past */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    GoalsController_changeTarget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeGoalTargetDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description A target outside the rule of the goal metric and currency */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such goal, or it was removed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match names a revision the goal has moved past */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    GoalsReadModelController_list: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description Only the goals of this period: a month YYYY-MM or a quarter YYYY-Qn (Q1 to Q4), from 1900 to 2199 */
                period?: string;
                /** @description Only this owner's goals */
                ownerId?: string;
                /** @description Only this team's goals */
                team?: string;
                /** @description The instant pace is measured at (the share of the period elapsed); default: now */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        /**
                         * Format: date-time
                         * @description The instant pace was measured at
                         */
                        asOf: string;
                        data: components["schemas"]["GoalAttainmentDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SurveysController_list: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["SurveySummaryDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SurveysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSurveyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description A field at fault, named in fields: an unknown type, a blank or over-long name or question */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SurveysController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The record in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SurveysController_issueLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueSurveyLinkDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyLinkResponse"];
                };
            };
            /** @description contactId or ticketId names no contact or ticket */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such survey */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            /** @description No signing secret is configured (TALLY_SURVEY_SIGNING_SECRET): {error: SURVEY_SIGNING_UNCONFIGURED}; no unsigned link is ever issued */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    SurveyResponsesController_respond: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyResponseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyAnsweredResponse"];
                };
            };
            /** @description A field at fault: a token this server did not sign ({error: SURVEY_TOKEN_INVALID}), a score out of range, an over-long comment */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A well-signed token of a link that was never issued */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The link was answered already: {error: SURVEY_LINK_USED} */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many answers from this address this minute (TALLY_SURVEY_RATE_LIMIT) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No signing secret is configured: {error: SURVEY_SIGNING_UNCONFIGURED} */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    SurveyResultsController_nps: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description One survey's answers; default: every survey of the type */
                surveyId?: string;
                /** @description First UTC day of the answers, inclusive; default: open */
                from?: string;
                /** @description Last UTC day of the answers, inclusive; default: open */
                to?: string;
                /** @description Also per group: period (the answer's UTC month), team (of the contact's owner when answered), ticketPipeline (of the linked ticket) */
                groupBy?: "period" | "team" | "ticketPipeline";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["NpsReportDto"];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SurveyResultsController_ces: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description One survey's answers; default: every survey of the type */
                surveyId?: string;
                /** @description First UTC day of the answers, inclusive; default: open */
                from?: string;
                /** @description Last UTC day of the answers, inclusive; default: open */
                to?: string;
                /** @description Also per group: period (the answer's UTC month), team (of the contact's owner when answered), ticketPipeline (of the linked ticket) */
                groupBy?: "period" | "team" | "ticketPipeline";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["RatingReportDto"];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SurveyResultsController_csat: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description One survey's answers; default: every survey of the type */
                surveyId?: string;
                /** @description First UTC day of the answers, inclusive; default: open */
                from?: string;
                /** @description Last UTC day of the answers, inclusive; default: open */
                to?: string;
                /** @description Also per group: period (the answer's UTC month), team (of the contact's owner when answered), ticketPipeline (of the linked ticket) */
                groupBy?: "period" | "team" | "ticketPipeline";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["RatingReportDto"];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SurveyResultsController_comments: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                surveyId?: string;
                type?: "nps" | "ces" | "csat";
                /** @description Only the detractors, say */
                category?: "promoter" | "passive" | "detractor" | "easy" | "neutral" | "difficult" | "satisfied" | "dissatisfied";
                /** @description First UTC day, inclusive */
                from?: string;
                /** @description Last UTC day, inclusive */
                to?: string;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    /** @description CSV only: the cursor of the next page; absent on the last page */
                    "X-Next-Cursor"?: string;
                    /** @description CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["SurveyCommentDto"][];
                        /** @description The cursor of the next page; null or absent on the last */
                        nextCursor?: string | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    FormsListController_list: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["FormListItemDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    FormsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFormDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description A field at fault, named in fields: a type, a rule, a mapping, no required email field, a setting */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    FormsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormView"];
                };
            };
            /** @description No such form */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    FormsController_preflightForm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Access-Control-Allow-* headers when the Origin is allowed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such form */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    FormsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateFormDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description A field at fault, named in fields: a type, a rule, a mapping, no required email field, a setting */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such form */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match names a revision the form has moved past */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    FormsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FormSubmissionDto"];
                "application/x-www-form-urlencoded": components["schemas"]["FormSubmissionDto"];
            };
        };
        responses: {
            /** @description An existing contact, found by its normalized email */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormSubmissionResponse"];
                };
            };
            /** @description A new contact */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormSubmissionResponse"];
                };
            };
            /** @description Each field at fault, named: unknown, missing, malformed, or the honeypot filled in */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A browser's post from an origin the form does not allow */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such form */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 32 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Neither JSON nor a urlencoded form post */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    FormsController_preflightSubmission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Access-Control-Allow-* headers when the Origin is allowed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such form */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    HostedFormController_page: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The form as an accessible HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No such form (an HTML page) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    SessionController_session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SnippetsController_list: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description The one snippet called by this shortcut (with or without its #, any case), read from its claim: no wait for the read model */
                shortcut?: string;
                /** @description Without shortcut: the snippets whose shortcut starts with this (what a typed # completes) */
                prefix?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["SnippetListItemDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SnippetsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSnippetDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description A field at fault, named in fields: a shortcut outside its rule, an unknown {{variable}} (named), a brace left open */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description Another snippet holds the shortcut: {error: ALREADY_EXISTS, existingId, field: shortcut} */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SnippetsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SnippetDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such snippet, or it was deleted */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SnippetsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such snippet, or it was deleted already */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match names a revision the snippet has moved past */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SnippetsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSnippetDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description A field at fault, named in fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such snippet, or it was deleted */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Another snippet holds the new shortcut, or If-Match names a revision the snippet has moved past */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    SnippetsController_render: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenderSnippetDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenderedSnippetDto"];
                };
            };
            /** @description A record named that does not exist, named in fields (contactId, companyId, dealId, ticketId) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such snippet, or it was deleted */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PlaybooksController_list: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description Only this team's playbooks */
                team?: "sales" | "service" | "marketing";
                /** @description true: the archived ones too (default false) */
                archived?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns (stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0. */
            200: {
                headers: {
                    /** @description CSV only: the position, as in the JSON envelope */
                    "X-Tally-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The log position the read model reflects (null before any event); also the X-Tally-Position header */
                        position: string | null;
                        data: components["schemas"]["PlaybookListItemDto"][];
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PlaybooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePlaybookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description A field at fault, named in fields, such as questions[0].options or questions[1].mapsTo */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /** @description The key writes only its own team's playbooks (super-admin writes all): {error: PLAYBOOK_TEAM_FORBIDDEN, role, team} */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PlaybooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaybookDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The record in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PlaybooksController_archive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description The key writes only its own team's playbooks (super-admin writes all): {error: PLAYBOOK_TEAM_FORBIDDEN, role, team} */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The record in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PlaybooksController_revise: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevisePlaybookDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description A field at fault, named in fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /** @description The key writes only its own team's playbooks (super-admin writes all): {error: PLAYBOOK_TEAM_FORBIDDEN, role, team} */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The record in the path does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match names a revision the playbook has moved past */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            /** @description The playbook is archived */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PlaybookRunsController_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RunPlaybookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaybookRunResponse"];
                };
            };
            /** @description An answer at fault (answers.<questionId>), an unknown playbookId, a contactId not on the engagement */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such engagement */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            /** @description The engagement is not a call or meeting, or the playbook is archived */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    PrivacyController_export: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An attachment, tally-contact-<id>.json */
            200: {
                headers: {
                    /** @description attachment; filename="tally-contact-<id>.json" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactExportDocument"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    ContactErasureController_erase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EraseContactDto"];
            };
        };
        responses: {
            /** @description The erasure as recorded: who, when, why */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureRecordDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such contact */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The contact was erased already: {error: ALREADY_EXISTS} */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
}
