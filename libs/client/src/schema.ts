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
        /** Change a deal's name, amount, currency, close date, owner or custom properties (whole or not at all) */
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
         * @description `q` matches a substring of the name or of a text or number custom property (an advertiser id), case-insensitively. Custom properties filter as `property.<name>=value` (defined properties only; the value is read as the property's type).
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
    "/v1/read-models/pipeline-health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open deals, amounts per currency, weighted amounts, ages and stuck deals per stage; win rate and forecast */
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
        DealView: {
            dealId: string;
            name: string;
            pipelineId: string;
            stageId: string;
            /** @enum {string} */
            outcome: "open" | "won" | "lost";
            amount: number;
            currency: string;
            contractTermMonths: number;
            /** @example 2026-03-31 */
            closeDate: string;
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
             * @description At most 2 decimals
             * @example 12000
             */
            amount: number;
            /**
             * @description ISO 4217
             * @example USD
             */
            currency: string;
            /** @default 12 */
            contractTermMonths: number;
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
            /** @description At most 2 decimals */
            amount?: number;
            /** @example EUR */
            currency?: string;
            /** @description Whole months; MRR is amount / contractTermMonths */
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
             * @description unsubscribed makes the contact non-marketing
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
        CurrencyAmountDto: {
            /** @example EUR */
            currency: string;
            total: number;
            /** @description total weighted by the stage probability */
            weighted: number;
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
            /** @example 2026-04 */
            month: string;
            /** @example EUR */
            currency: string;
            weighted: number;
            total: number;
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
            amount: number;
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
            amount: number;
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
            amount: number;
            /** @example EUR */
            currency: string;
            /**
             * Format: date
             * @description The expected close
             */
            closeDate: string;
            ownerId: string | null;
            /** @description The owner's name, from the owners list */
            ownerName: string | null;
            /** @enum {string} */
            outcome: "open" | "won" | "lost";
            contractTermMonths: number;
            /** @description The primary company */
            companyId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Custom properties with a value; in CSV, one `property.<name>` column each */
            properties: {
                [key: string]: string | number | boolean;
            };
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
                amountMin?: number;
                /** @description Deals worth at most this, in currency */
                amountMax?: number;
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
            /** @description The pipeline does not exist */
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
    PipelineHealthController_health: {
        parameters: {
            query?: {
                /** @description Wait (up to 5 s) until the read model reflects this position; 503 if not */
                minPosition?: string;
                /** @description One pipeline (data is then one object); all deal pipelines when omitted */
                pipelineId?: string;
                /** @description Ages and stuck deals as of this instant (ISO date-time); default: now */
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
}
