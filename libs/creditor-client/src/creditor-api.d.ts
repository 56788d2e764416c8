/**
 * The creditor API (client-intake), generated from its OpenAPI document by openapi-typescript.
 * Do not edit: regenerate with `npm run client:generate` (a test fails when this file is stale).
 */

export interface paths {
    "/accounts/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GetAccountController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{accountId}/balance-adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdjustBalanceController_adjust"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{accountId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CancelAccountController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{accountId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CloseAccountByStaffController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{accountId}/debtor": {
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
        patch: operations["UpdateDebtorController_update"];
        trace?: never;
    };
    "/accounts/{accountId}/direct-payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ReportDirectPaymentController_report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{accountId}/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AddInvoiceController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{accountId}/legal-authorization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthorizeLegalReferralController_authorize"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{accountId}/recall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RecallAccountController_recall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{accountId}/settlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ListSettlementsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{accountId}/settlements/{settlementId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DecideSettlementController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{accountId}/settlements/{settlementId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DecideSettlementController_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/client-intake/accounts/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ServiceAuditController_account"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OnboardClientController_onboard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ListAgreementsController_list"];
        put?: never;
        post: operations["SetAgreementController_set"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["IssueApiKeyController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/api-keys/{keyId}/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RevokeApiKeyController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ListWebhookEndpointsController_list"];
        put?: never;
        post: operations["RegisterWebhookEndpointController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/webhook-endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["DeleteWebhookEndpointController_delete"];
        options?: never;
        head?: never;
        patch: operations["UpdateWebhookEndpointController_update"];
        trace?: never;
    };
    "/clients/{clientId}/webhook-endpoints/{endpointId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ListWebhookDeliveriesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redelivery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RedeliverWebhookController_redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/webhook-endpoints/{endpointId}/enablement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EnableWebhookEndpointController_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/webhook-endpoints/{endpointId}/secret-rotations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RotateWebhookSecretController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WhoAmIController_whoAmI"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_alias"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MetricsController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/migrations/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ImportAccountController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/placements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PlaceAccountController_place"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/placements/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PlaceBatchController_place"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/placements/batches/{batchId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GetBatchController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/placements/batches/{batchId}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GetBatchResultsController_results"];
        put?: never;
        post?: never;
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
        AccountView: {
            /** Format: uuid */
            accountId: string;
            /** Format: uuid */
            clientId: string;
            /** @description The client's own reference */
            clientReference: string;
            /**
             * @description Why the account is closed; null while it is active
             * @enum {string|null}
             */
            closingCode: "paid-in-full" | "settled" | "recalled" | "cancelled" | "uncollectible" | "skip-failed" | "bankrupt" | "deceased" | "time-barred" | "disputed-upheld" | "legal-closed" | "written-off" | null;
            /** @description Commercial (true) or consumer (false) debt */
            commercial: boolean;
            /** @description Commission rate fixed at placement, basis points */
            commissionRateBp: number;
            /** @example USD */
            currency: string;
            debtor: components["schemas"]["DebtorDto"];
            invoices: components["schemas"]["InvoiceDto"][];
            /** @description The client authorized suit */
            legalAuthorized: boolean;
            /** @description Sum of the invoices' original amounts, minor units */
            placedAmount: number;
            /** Format: date-time */
            placedAt: string;
            /** @description The pre-collection terms fixed at placement */
            preCollection?: components["schemas"]["PlacedPreCollectionView"];
            /**
             * Format: date-time
             * @description When a closure was last undone, while the account is active again; else null
             */
            reopenedAt: Record<string, never> | null;
            /**
             * @description How the account was placed; absent: third-party
             * @enum {string}
             */
            service?: "pre-collection" | "third-party";
            /**
             * @description The latest closure or reopening decides it
             * @enum {string}
             */
            status: "active" | "closed";
        };
        AddedInvoiceAnswer: {
            /** Format: uuid */
            accountId: string;
            /** @description What the debtor owes with it, minor units, as intake knows it (the last balance payments reported, and the changes since) */
            balance: number;
            /** @example INV-1002 */
            invoiceNumber: string;
        };
        AddInvoiceRequest: {
            /**
             * @description ISO 4217, the same on every invoice of the placement
             * @example USD
             */
            currency: string;
            /**
             * Format: date
             * @description Not before issueDate, and not after the placement date (an invoice not yet due is refused, rule invoice-not-yet-due)
             * @example 2026-02-14
             */
            dueDate: string;
            /**
             * Format: date
             * @description Not in the future
             * @example 2026-01-15
             */
            issueDate: string;
            /** @example INV-1001 */
            number: string;
            /**
             * @description Minor units (cents)
             * @example 250000
             */
            originalAmount: number;
        };
        AddressDto: {
            /** @example New York */
            city: string;
            /**
             * @description ISO 3166-1 alpha-2
             * @example US
             */
            country: string;
            /**
             * @example [
             *       "350 Fifth Avenue",
             *       "Suite 4100"
             *     ]
             */
            lines: string[];
            /** @example 10118 */
            postalCode?: string;
            /** @example NY */
            region?: string;
        };
        AdjustBalanceRequest: {
            /**
             * @description Minor units, signed: positive when the debtor owes more (fees the client adds), negative when less (a credit note, a pricing error). Not 0; never below what the debtor has paid.
             * @example -25000
             */
            amount: number;
            /**
             * @description The account's currency
             * @example USD
             */
            currency: string;
            /**
             * @description Why, kept on the record and shown to payments and reports
             * @example Credit note CN-17 for returned goods
             */
            reason: string;
        };
        AgreementAnswer: {
            /** @description Days a payment is held before it counts as cleared funds */
            clearedFundsHoldDays: number;
            /** Format: date-time */
            effectiveFrom: string;
            /** @description Commission on what is collected once forwarded to an attorney, basis points */
            legalRateBp: number;
            /**
             * @description 25% within 365 days of the oldest due date, 33% after
             * @enum {string}
             */
            ratePlan: "default";
            /** @enum {string} */
            remittance: "net" | "gross" | "combined";
            /** @enum {string} */
            remittancePeriod: "monthly";
            /** @description The lowest share of the balance the agency may settle for without asking the client, basis points */
            settlementAuthorityBp: number;
        };
        AgreementVersionAnswer: {
            cancellationFee: components["schemas"]["CancellationFeeDto"];
            /** @description Cleared-funds hold per payment method, days */
            clearedFundsHoldDays: components["schemas"]["HoldDaysDto"];
            /** Format: uuid */
            clientId: string;
            costAdvance: components["schemas"]["CostAdvanceDto"];
            /**
             * @description ISO 4217; every amount of the agreement is in it
             * @example USD
             */
            currency: string;
            /**
             * Format: date-time
             * @description When the version takes effect: not before now, and after the latest version. Default: now
             */
            effectiveFrom?: string;
            legalReferral: components["schemas"]["LegalReferralTermsDto"];
            /** @description Absent: the client may not place accounts as pre-collection (docs/domain.md, "Pre-collection") */
            preCollection?: components["schemas"]["PreCollectionTermsDto"];
            ratePlan: components["schemas"]["RatePlanDto"];
            /**
             * Format: date-time
             * @description When the admin set it
             */
            recordedAt: string;
            /** @enum {string} */
            remittance: "net" | "gross" | "combined";
            /** @enum {string} */
            remittancePeriod: "weekly" | "semi-monthly" | "monthly";
            /** @description The lowest share of the balance the agency may settle for without asking */
            settlementAuthorityBp: number;
            /** @description Numbered from 1 per client */
            version: number;
        };
        AuthorizeLegalReferralRequest: {
            /** @description The client agrees to advance court costs (must be true). */
            agreesToAdvanceCosts: boolean;
            /** @description The client agrees to the suit fee (must be true). */
            agreesToSuitFee: boolean;
        };
        BalanceAdjustedAnswer: {
            /** Format: uuid */
            accountId: string;
            /**
             * Format: uuid
             * @description The adjustment id; payments records it under the same id
             */
            adjustmentId: string;
            /** @description What the debtor owes after it, minor units, as intake knows it (the last balance payments reported, and the changes since) */
            balance: number;
        };
        BatchAccepted: {
            /**
             * Format: uuid
             * @description The same for every retry with the same Idempotency-Key
             */
            batchId: string;
            /**
             * @description Where its status is read (also the Location header)
             * @example /placements/batches/6f1c…
             */
            location: string;
            /** @description Rows stored, every one of which will be placed or refused */
            received: number;
            /** @enum {string} */
            status: "accepted";
        };
        BatchRefusalView: {
            reason: string;
            rule: string;
            status: number;
        };
        BatchStatusView: {
            /** @description Rows whose client reference was placed before: the result names its account id */
            alreadyPlaced: number;
            /** Format: uuid */
            batchId: string;
            /** Format: uuid */
            clientId: string;
            /** Format: date-time */
            completedAt: string | null;
            /** @enum {string} */
            format: "csv" | "ndjson";
            /** @description Rows not yet placed or refused */
            pending: number;
            /** @description Rows placed by this batch */
            placed: number;
            /** @description Share of rows done, 0 to 1 */
            progress: number;
            /** @description Rows stored */
            received: number;
            /** Format: date-time */
            receivedAt: string;
            refusal?: components["schemas"]["BatchRefusalView"];
            /** @description Rows refused, each with every problem in the results */
            refused: number;
            /**
             * @description receiving: the upload is still being stored (or was cut off); refused: the file was refused while read, nothing placed
             * @enum {string}
             */
            status: "receiving" | "processing" | "completed" | "refused";
        };
        CancelAccountRequest: {
            /** @description Why the agency returns the account, kept on the record. */
            reason: string;
        };
        CancellationFeeDto: {
            /**
             * @description Owed for a recall after work began. Major units of the agreement currency as a decimal string, at most as many decimals as the currency has (USD "300.00", JPY "300", BHD "300.000")
             * @example 25.00
             */
            flat: string;
            /** @description Plus this share of the balance recalled */
            rateOfBalanceBp: number;
        };
        ClientAgreements: {
            /** Format: uuid */
            clientId: string;
            /** @description The default terms of onboarding, in force until the first version takes effect */
            onboarding: components["schemas"]["AgreementAnswer"];
            /** @description Every negotiated version, oldest first; each in force from its effectiveFrom until the next one */
            versions: components["schemas"]["AgreementVersionAnswer"][];
        };
        ClientIdentity: {
            /** Format: uuid */
            clientId: string;
        };
        ClientSettlementView: {
            /** @description Minor units: what the debtor pays to settle */
            amount: number;
            /** @description Your settlement authority when it was offered, basis points */
            authorityBp: number | null;
            /** @description Minor units: the balance the offer was figured on */
            balance: number;
            /** @example USD */
            currency: string;
            /** Format: date-time */
            decidedAt: string | null;
            /** Format: date-time */
            requestedAt: string;
            /** Format: uuid */
            settlementId: string;
            /** @description The amount as a share of the balance, basis points */
            shareBp: number;
            /** @enum {string} */
            status: "awaiting-client" | "approved" | "declined";
        };
        CloseAccountByStaffRequest: {
            /**
             * @description A closing code with no command of its own; each is for the roles of the table in docs/client-intake.md.
             * @enum {string}
             */
            closingCode: "settled" | "uncollectible" | "skip-failed" | "bankrupt" | "deceased" | "time-barred" | "disputed-upheld" | "legal-closed";
            /** @description Why, kept on the record. */
            reason: string;
        };
        ClosedAnswer: {
            /** Format: uuid */
            accountId: string;
            /** @description The closing code the account closed with. */
            closingCode: string;
        };
        CollectedThresholdDto: {
            /** @example 5000 */
            rateBp: number;
            /**
             * @description Collected to date up to this amount earns rateBp. Major units of the agreement currency as a decimal string, at most as many decimals as the currency has (USD "300.00", JPY "300", BHD "300.000")
             * @example 300.00
             */
            upTo: string;
        };
        CostAdvanceDto: {
            /**
             * @description Costs above this need the client’s approval. Major units of the agreement currency as a decimal string, at most as many decimals as the currency has (USD "300.00", JPY "300", BHD "300.000")
             * @example 500.00
             */
            approvalAbove: string;
            /** @description The client advances court costs and suit fees */
            clientAdvancesCosts: boolean;
        };
        DebtorDto: {
            addresses?: components["schemas"]["AddressDto"][];
            /**
             * @description ISO 3166-1 alpha-2
             * @example US
             */
            country: string;
            /**
             * Format: email
             * @description One email without flags; `emails` carries consent and do-not-contact
             */
            email?: string;
            emails?: components["schemas"]["EmailDto"][];
            /** @enum {string} */
            kind: "company" | "person";
            /** @example Acme Widgets LLC */
            legalName: string;
            /** @description One phone without flags; `phones` carries consent and do-not-contact */
            phone?: string;
            phones?: components["schemas"]["PhoneDto"][];
            /** @example NY */
            region?: string;
            /**
             * @description With it, a placement of an invoice number this client already placed for the same tax id is refused as a likely duplicate
             * @example 12-3456789
             */
            taxId?: string;
        };
        DebtorUpdatedAnswer: {
            /** Format: uuid */
            accountId: string;
            /** @description The fields this update changed; empty when it changed nothing (nothing is recorded then) */
            changed: string[];
            /** @description The debtor as it is now */
            debtor: components["schemas"]["DebtorDto"];
        };
        DeletedWebhookEndpointAnswer: {
            /** Format: date-time */
            deletedAt: string;
            /** Format: uuid */
            endpointId: string;
        };
        DirectPaymentAnswer: {
            /** Format: uuid */
            accountId: string;
            /**
             * Format: uuid
             * @description The report id; payments posts the payment under the same id
             */
            reportId: string;
        };
        EarlierPaymentDto: {
            /**
             * @description Minor units of the account's currency
             * @example 20000
             */
            amount: number;
            /** @enum {string} */
            method: "ach" | "card" | "check" | "wire" | "cash";
            /**
             * Format: date
             * @description The day the debtor paid: not before placedOn, not after today (nor after status.closedOn)
             * @example 2025-12-01
             */
            paidOn: string;
        };
        EmailDto: {
            /**
             * Format: email
             * @example ap@acme.example
             */
            address: string;
            /** @description The debtor agreed to be emailed at this address */
            consent: boolean;
            /** @description Never email this address (wins over consent) */
            doNotContact: boolean;
        };
        FieldProblemBody: {
            /** @description Dotted path to the field, e.g. `invoices.1.dueDate`, or the header name. */
            field: string;
            reason: string;
        };
        HoldDaysDto: {
            ach: number;
            card: number;
            cash: number;
            check: number;
            wire: number;
        };
        ImportAccountRequest: {
            /**
             * @description Decides the agreement's commission tier
             * @default standard
             * @enum {string}
             */
            category: "standard" | "nsf-cheque" | "out-of-business" | "second-placement" | "foreign";
            /**
             * @description What a suit would be brought on; with the debtor's state it decides the statute of limitations (docs/legal-referral.md). Absent: open-account
             * @default open-account
             * @enum {string}
             */
            claimType: "written-contract" | "open-account" | "sale-of-goods" | "promissory-note";
            /**
             * Format: uuid
             * @description The onboarded client the account belongs to
             */
            clientId: string;
            /**
             * @description The client's own reference, unique per client
             * @example NW-2026-0001
             */
            clientReference: string;
            /** @description Commercial (true) or consumer (false) debt */
            commercial: boolean;
            /** @description Costs owed beside the invoices' principal, minor units of their currency; absent: 0 */
            costs?: number;
            debtor: components["schemas"]["DebtorDto"];
            /** @description Fees owed beside the invoices' principal, minor units of their currency; absent: 0 */
            fees?: number;
            /** @description Interest owed beside the invoices' principal, minor units of their currency; absent: 0 */
            interest?: number;
            /** @description One currency; invoice numbers unique; every invoice already due; the total with interest, fees and costs at most 9007199254740991 minor units */
            invoices: components["schemas"]["InvoiceDto"][];
            /** @description Payments made before the import; together at most the principal. Absent: none */
            payments?: components["schemas"]["EarlierPaymentDto"][];
            /**
             * Format: date
             * @description The original placement day: before today, and every invoice issued and due by then
             * @example 2025-01-10
             */
            placedOn: string;
            /**
             * @description pre-collection: reminders in the client's name for the agreement's window and flat fee, then third-party collection if unpaid (refused, rule pre-collection-not-agreed, when the agreement in force sets no pre-collection terms)
             * @default third-party
             * @enum {string}
             */
            service: "pre-collection" | "third-party";
            status: components["schemas"]["ImportedStatusDto"];
        };
        ImportAnswer: {
            /**
             * Format: uuid
             * @description The agency account id: the one a placement of this client reference gets
             */
            accountId: string;
            clientReference: string;
            /** @description The ids payments posts the earlier payments under, in the order given */
            paymentIds: string[];
            /**
             * Format: date
             * @description The business date of the placement
             */
            placedOn: string;
            /** @enum {string} */
            status: "open" | "closed";
        };
        ImportedStatusDto: {
            /**
             * Format: date
             * @description Required when closed: the day it closed, not before placedOn, not after today
             * @example 2026-03-01
             */
            closedOn?: string;
            /**
             * @description Required when closed
             * @enum {string}
             */
            closingCode?: "paid-in-full" | "settled" | "recalled" | "cancelled" | "uncollectible" | "skip-failed" | "bankrupt" | "deceased" | "time-barred" | "disputed-upheld" | "legal-closed" | "written-off";
            /** @enum {string} */
            state: "open" | "closed";
        };
        InvoiceDto: {
            /**
             * @description ISO 4217, the same on every invoice of the placement
             * @example USD
             */
            currency: string;
            /**
             * Format: date
             * @description Not before issueDate, and not after the placement date (an invoice not yet due is refused, rule invoice-not-yet-due)
             * @example 2026-02-14
             */
            dueDate: string;
            /**
             * Format: date
             * @description Not in the future
             * @example 2026-01-15
             */
            issueDate: string;
            /** @example INV-1001 */
            number: string;
            /**
             * @description Minor units (cents)
             * @example 250000
             */
            originalAmount: number;
        };
        IssuedApiKeyAnswer: {
            /**
             * @description The key, shown in this answer only; send it as `x-api-key`
             * @example ck_0b6b5b4e-0d3f-4a43-9a55-6f3f0f6f0e11_…
             */
            apiKey: string;
            /** Format: uuid */
            clientId: string;
            /**
             * Format: uuid
             * @description Names the key from now on (to revoke it); the key itself is never shown again
             */
            keyId: string;
        };
        LegalAuthorizationAnswer: {
            /** Format: uuid */
            accountId: string;
            /** @description Always true: the authorization is recorded */
            legalAuthorized: boolean;
        };
        LegalReferralTermsDto: {
            /**
             * @description Whether each suit needs the client’s approval or is pre-authorized
             * @enum {string}
             */
            authority: "client-approval" | "pre-authorized";
            /** @description true: once the attorney closes its file, payments earn the contingency rate again, not the legal rate. Absent or false: the legal rate stays */
            legalRateEndsOnClose?: boolean;
            /**
             * @description Lowest balance referred to an attorney. Major units of the agreement currency as a decimal string, at most as many decimals as the currency has (USD "300.00", JPY "300", BHD "300.000")
             * @example 5000.00
             */
            minimumBalance: string;
        };
        OnboardClientRequest: {
            /** @example Northwind Supplies Inc. */
            name: string;
        };
        OnboardedClientAnswer: {
            agreement: components["schemas"]["AgreementAnswer"];
            /** Format: uuid */
            clientId: string;
            name: string;
        };
        PhoneDto: {
            /** @description The debtor agreed to be called or texted on this number */
            consent: boolean;
            /** @description Never call or text this number (wins over consent) */
            doNotContact: boolean;
            /** @example +12125550100 */
            number: string;
        };
        PlaceAccountRequest: {
            /**
             * @description Decides the agreement's commission tier
             * @default standard
             * @enum {string}
             */
            category: "standard" | "nsf-cheque" | "out-of-business" | "second-placement" | "foreign";
            /**
             * @description What a suit would be brought on; with the debtor's state it decides the statute of limitations (docs/legal-referral.md). Absent: open-account
             * @default open-account
             * @enum {string}
             */
            claimType: "written-contract" | "open-account" | "sale-of-goods" | "promissory-note";
            /**
             * @description The client's own reference, unique per client
             * @example NW-2026-0001
             */
            clientReference: string;
            /** @description Commercial (true) or consumer (false) debt */
            commercial: boolean;
            /** @description Costs owed beside the invoices' principal, minor units of their currency; absent: 0 */
            costs?: number;
            debtor: components["schemas"]["DebtorDto"];
            /** @description Fees owed beside the invoices' principal, minor units of their currency; absent: 0 */
            fees?: number;
            /** @description Interest owed beside the invoices' principal, minor units of their currency; absent: 0 */
            interest?: number;
            /** @description One currency; invoice numbers unique; every invoice already due; the total with interest, fees and costs at most 9007199254740991 minor units */
            invoices: components["schemas"]["InvoiceDto"][];
            /**
             * @description pre-collection: reminders in the client's name for the agreement's window and flat fee, then third-party collection if unpaid (refused, rule pre-collection-not-agreed, when the agreement in force sets no pre-collection terms)
             * @default third-party
             * @enum {string}
             */
            service: "pre-collection" | "third-party";
        };
        PlacedPreCollectionView: {
            /** @description The agreement version the terms came from */
            agreementVersion: number;
            /** @description Owed once, minor units of the account currency */
            flatFee: number;
            /** @description Days from placement a reminder goes out in the client's name */
            reminderDays: number[];
            /**
             * Format: date-time
             * @description When an unpaid account converts to third-party collection
             */
            windowEndsAt: string;
        };
        PlacementAnswer: {
            /**
             * Format: uuid
             * @description The agency account id: the same for every placement of this client reference
             */
            accountId: string;
            clientReference: string;
            /** @enum {string} */
            status: "acknowledged";
        };
        PreCollectionTermsDto: {
            /**
             * @description Owed once per pre-collection account, instead of commission in the window. Major units of the agreement currency as a decimal string, at most as many decimals as the currency has (USD "300.00", JPY "300", BHD "300.000")
             * @example 15.00
             */
            flatFee: string;
            /**
             * @description Days from placement a reminder goes out in the client's name: ascending, each below windowDays
             * @example [
             *       0,
             *       7,
             *       14
             *     ]
             */
            reminderDays: number[];
            /**
             * @description Days from placement until an unpaid account converts to third-party collection
             * @example 30
             */
            windowDays: number;
        };
        ProblemDetailsBody: {
            /** @description What happened, for a person. */
            detail: string;
            /** @description Every invalid field (400). */
            problems?: components["schemas"]["FieldProblemBody"][];
            /**
             * @description The rule that refused (a stable name to branch on).
             * @example client-reference-unique
             */
            rule?: string;
            /** @example 409 */
            status: number;
            /** @example Conflict */
            title: string;
            /**
             * @description `urn:collections:problem:<rule>` when a rule refused, else `about:blank`.
             * @example urn:collections:problem:client-reference-unique
             */
            type: string;
        };
        RatePlanDto: {
            /**
             * @description The rate when no tier matches
             * @example 2500
             */
            baseRateBp: number;
            /** @description Ascending; above the last, the tier rate ("first 300.00 at 50%, then 20%") */
            collectedThresholds?: components["schemas"]["CollectedThresholdDto"][];
            /** @description Payments of these kinds earn half the commission */
            halfFeeCases?: ("returned-merchandise" | "paid-before-placement")[];
            /**
             * @description Replaces every other rate once the account is with an attorney
             * @example 4000
             */
            legalRateBp: number;
            /** @description Per account: all its commission together. Major units of the agreement currency as a decimal string, at most as many decimals as the currency has (USD "300.00", JPY "300", BHD "300.000") */
            maximumFee?: string | null;
            /** @description Per payment, never above the amount applied. Major units of the agreement currency as a decimal string, at most as many decimals as the currency has (USD "300.00", JPY "300", BHD "300.000") */
            minimumFee?: string | null;
            /** @example northwind-2026 */
            planId: string;
            /** @description Tried in order; the first whose every condition holds wins */
            tiers?: components["schemas"]["RateTierDto"][];
        };
        RateTierDto: {
            /** @enum {string} */
            category?: "standard" | "nsf-cheque" | "out-of-business" | "second-placement" | "foreign";
            /** @description Exclusive */
            maxAgeDays?: number;
            /** @description Exclusive. Major units of the agreement currency as a decimal string, at most as many decimals as the currency has (USD "300.00", JPY "300", BHD "300.000") */
            maxPlacedAmount?: string;
            /** @description Age at placement (days from the oldest due date), inclusive */
            minAgeDays?: number;
            /**
             * @description Amount placed, inclusive. Major units of the agreement currency as a decimal string, at most as many decimals as the currency has (USD "300.00", JPY "300", BHD "300.000")
             * @example 50000.00
             */
            minPlacedAmount?: string;
            /** @example 5000 */
            rateBp: number;
            /**
             * @description Stamped on every payment this tier charges
             * @example nsf
             */
            tierId: string;
        };
        RecallAccountRequest: {
            /** @description A supervisor forces the recall past its refusals (payment in hold, plan active, dispute open); needs `reason`. */
            force?: boolean;
            /** @description Why: required when forcing, kept on the record. */
            reason?: string;
        };
        RecallAnswer: {
            /** Format: uuid */
            accountId: string;
            /** @description Cancellation fee owed by the client, minor units. */
            cancellationFee: number;
            /** @enum {string} */
            closingCode: "recalled";
            currency: string;
            /** @description The refusals a supervisor overrode; empty when not forced. */
            overrides: string[];
            /** @description Work had begun (a contact attempt recorded or a payment posted by the agency). */
            workBegan: boolean;
        };
        RedeliveryAnswer: {
            /**
             * Format: uuid
             * @description The same `webhook-id` as before: the receiver may drop it as a duplicate or take it again
             */
            deliveryId: string;
            /** Format: date-time */
            requestedAt: string;
            /** @description The new round of attempts */
            round: number;
        };
        RegisteredWebhookEndpointAnswer: {
            /** Format: uuid */
            clientId: string;
            /** Format: date-time */
            disabledAt: string | null;
            disabledReason: string | null;
            /** Format: uuid */
            endpointId: string;
            eventTypes: ("account.placed" | "batch.finished" | "account.closed" | "account.reopened" | "payment.collected" | "legal.milestone" | "remittance.issued" | "dispute.opened" | "dispute.resolved")[];
            /**
             * Format: date-time
             * @description While a rotated-out secret still signs alongside the new one: until when
             */
            previousSecretExpiresAt: string | null;
            /** Format: date-time */
            registeredAt: string;
            /**
             * @description The signing secret (Standard Webhooks), shown in this answer only
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
            /**
             * @description disabled after persistent failure; its deliveries wait until the client enables it again
             * @enum {string}
             */
            status: "enabled" | "disabled";
            /** @example https://hooks.example.com/collections */
            url: string;
        };
        RegisterWebhookEndpointRequest: {
            eventTypes: ("account.placed" | "batch.finished" | "account.closed" | "account.reopened" | "payment.collected" | "legal.milestone" | "remittance.issued" | "dispute.opened" | "dispute.resolved")[];
            /**
             * @description https; must resolve to public addresses only unless the deployment allows otherwise
             * @example https://hooks.example.com/collections
             */
            url: string;
        };
        ReportDirectPaymentRequest: {
            /**
             * @description Minor units (cents)
             * @example 25000
             */
            amount: number;
            /** @example USD */
            currency: string;
            /**
             * @description How the debtor paid the client
             * @enum {string}
             */
            method: "ach" | "card" | "check" | "wire" | "cash";
            /**
             * Format: date
             * @description The day the debtor paid the client (not in the future, not before placement)
             * @example 2026-03-01
             */
            paidOn: string;
        };
        RevocationAnswer: {
            /** Format: uuid */
            clientId: string;
            /** Format: uuid */
            keyId: string;
            /** @description null when none was given */
            reason: string | null;
            /** Format: date-time */
            revokedAt: string;
        };
        RevokeApiKeyRequest: {
            /**
             * @description Why the key is revoked; kept on the ApiKeyRevoked event.
             * @example key pasted into a support ticket
             */
            reason?: string;
        };
        RotatedWebhookSecretAnswer: {
            /** Format: uuid */
            endpointId: string;
            /**
             * Format: date-time
             * @description Until then every message carries a signature by the previous secret too
             */
            previousSecretExpiresAt: string;
            /**
             * @description The new signing secret, shown in this answer only
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
        RowResultView: {
            /**
             * Format: uuid
             * @description placed and already-placed: the account id
             */
            accountId?: string;
            clientReference?: string;
            /** @enum {string} */
            outcome: "placed" | "already-placed" | "refused" | "pending";
            /** @description refused: every problem of the row (CSV: the field is the column) */
            problems?: components["schemas"]["FieldProblemBody"][];
            /** @description The row in the file: 1 is the first row after the CSV header, or the first line of NDJSON */
            row: number;
        };
        SetAgreementRequest: {
            cancellationFee: components["schemas"]["CancellationFeeDto"];
            /** @description Cleared-funds hold per payment method, days */
            clearedFundsHoldDays: components["schemas"]["HoldDaysDto"];
            costAdvance: components["schemas"]["CostAdvanceDto"];
            /**
             * @description ISO 4217; every amount of the agreement is in it
             * @example USD
             */
            currency: string;
            /**
             * Format: date-time
             * @description When the version takes effect: not before now, and after the latest version. Default: now
             */
            effectiveFrom?: string;
            legalReferral: components["schemas"]["LegalReferralTermsDto"];
            /** @description Absent: the client may not place accounts as pre-collection (docs/domain.md, "Pre-collection") */
            preCollection?: components["schemas"]["PreCollectionTermsDto"];
            ratePlan: components["schemas"]["RatePlanDto"];
            /** @enum {string} */
            remittance: "net" | "gross" | "combined";
            /** @enum {string} */
            remittancePeriod: "weekly" | "semi-monthly" | "monthly";
            /** @description The lowest share of the balance the agency may settle for without asking */
            settlementAuthorityBp: number;
        };
        SettlementDecisionAnswer: {
            /** Format: uuid */
            accountId: string;
            /** Format: date-time */
            decidedAt: string;
            /** Format: uuid */
            settlementId: string;
            /** @enum {string} */
            status: "approved" | "declined";
        };
        SettlementDecisionRequest: {
            /** @description Why, for the record */
            reason?: string;
        };
        UpdateDebtorRequest: {
            addresses?: components["schemas"]["AddressDto"][];
            /** @description Replaces every email, the unflagged `email` of the placement too */
            emails?: components["schemas"]["EmailDto"][];
            /** @example Acme Widgets Holdings LLC */
            legalName?: string;
            /** @description Replaces every phone, the unflagged `phone` of the placement too */
            phones?: components["schemas"]["PhoneDto"][];
            /**
             * @description A new tax id moves the account's invoices to that debtor's register: refused as a likely duplicate if another account of this client holds one of them there
             * @example 12-3456789
             */
            taxId?: string;
        };
        UpdateWebhookEndpointRequest: {
            eventTypes?: ("account.placed" | "batch.finished" | "account.closed" | "account.reopened" | "payment.collected" | "legal.milestone" | "remittance.issued" | "dispute.opened" | "dispute.resolved")[];
            url?: string;
        };
        WebhookAttemptView: {
            /** @description From 1 in each round */
            attempt: number;
            /** Format: date-time */
            attemptedAt: string;
            durationMs: number;
            /** @description Why the attempt failed without a status (timeout, refused address, connection error) or why a status counts as failure */
            error: string | null;
            /** @description The start of the receiver's answer (at most 256 characters) */
            responseExcerpt: string;
            /** @description 0 for the first round, one more per manual redelivery */
            round: number;
            /** @description The receiver's status code; null when no answer came */
            status: number | null;
        };
        WebhookDeliveryView: {
            attempts: components["schemas"]["WebhookAttemptView"][];
            /**
             * Format: uuid
             * @description Also the `webhook-id` header of every attempt
             */
            deliveryId: string;
            /** @description The source event; the same for every endpoint that got it */
            eventId: string;
            /** @example payment.collected */
            eventType: string;
            /**
             * Format: date-time
             * @description When the next attempt is due while pending
             */
            nextAttemptAt: string | null;
            /** Format: date-time */
            scheduledAt: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed" | "abandoned";
        };
        WebhookEndpointView: {
            /** Format: uuid */
            clientId: string;
            /** Format: date-time */
            disabledAt: string | null;
            disabledReason: string | null;
            /** Format: uuid */
            endpointId: string;
            eventTypes: ("account.placed" | "batch.finished" | "account.closed" | "account.reopened" | "payment.collected" | "legal.milestone" | "remittance.issued" | "dispute.opened" | "dispute.resolved")[];
            /**
             * Format: date-time
             * @description While a rotated-out secret still signs alongside the new one: until when
             */
            previousSecretExpiresAt: string | null;
            /** Format: date-time */
            registeredAt: string;
            /**
             * @description disabled after persistent failure; its deliveries wait until the client enables it again
             * @enum {string}
             */
            status: "enabled" | "disabled";
            /** @example https://hooks.example.com/collections */
            url: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    GetAccountController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account as placed, with its status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountView"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such account, or (for a client) not one of its own (rule account-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    AdjustBalanceController_adjust: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdjustBalanceRequest"];
            };
        };
        responses: {
            /** @description The adjustment is recorded; payments changes the open balance by it. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BalanceAdjustedAnswer"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such account, or (for a client) not one of its own (rule account-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The account is closed (rule account-closed), or the adjustment would take the balance below what the debtor has paid (rule adjustment-below-paid). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description Another currency than the account's (rule currency-mismatch), or an account owing more than the largest safe amount (adjustment-amount-nonzero). Or: The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    CancelAccountController_cancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelAccountRequest"];
            };
        };
        responses: {
            /** @description The account is closed as cancelled and returned to the client. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClosedAnswer"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such account (rule account-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The account is already closed (rule account-closed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    CloseAccountByStaffController_close: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseAccountByStaffRequest"];
            };
        };
        responses: {
            /** @description The account is closed with the code given. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClosedAnswer"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description This role may not close with this code (rule closing-code-role). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such account (rule account-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The account is already closed (rule account-closed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    UpdateDebtorController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDebtorRequest"];
            };
        };
        responses: {
            /** @description The debtor as it is now; debtor contact replaces the case's contacts with it, their do-not-contact flags applying from then on. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DebtorUpdatedAnswer"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such account, or (for a client) not one of its own (rule account-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The account is closed (rule account-closed), or a new tax id under which another of this client's accounts holds one of this account's invoice numbers (rule placement-likely-duplicate, with `existingAccountId`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No field to change (rule debtor-update-empty). Or: The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    ReportDirectPaymentController_report: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportDirectPaymentRequest"];
            };
        };
        responses: {
            /** @description The report is recorded; payments posts it as a direct payment. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectPaymentAnswer"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such account of this client (rule account-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description Currency other than the account's (rule currency-mismatch), a date in the future (direct-payment-in-future) or before placement (direct-payment-before-placement). Or: The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    AddInvoiceController_add: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddInvoiceRequest"];
            };
        };
        responses: {
            /** @description The invoice is on the account; payments opens it as a new open item. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddedInvoiceAnswer"];
                };
            };
            /** @description Every invalid field and every rule the invoice breaks, listed in `problems`: not yet due (rule invoice-not-yet-due), another currency than the account's (currency-mismatch), a number the account already holds (invoice-already-on-account), due before issue, issued in the future. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such account, or (for a client) not one of its own (rule account-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The account is closed (rule account-closed), or the invoice number was already placed by this client for the same debtor tax id on another account (rule placement-likely-duplicate, with `existingAccountId`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    AuthorizeLegalReferralController_authorize: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthorizeLegalReferralRequest"];
            };
        };
        responses: {
            /** @description Authorization recorded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalAuthorizationAnswer"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such account of this client (rule account-unknown); nothing is recorded, the Idempotency-Key included. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The account is closed (rule account-closed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description Consent missing (rule legal-authorization-incomplete). Or: The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    RecallAccountController_recall: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecallAccountRequest"];
            };
        };
        responses: {
            /** @description The account is closed as recalled; the cancellation fee owed is in the answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecallAnswer"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description Only a supervisor may force a recall (rule recall-force-supervisor-only). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such account of this client (rule account-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The account is closed (rule account-closed); a payment is inside its cleared-funds hold (rule recall-payment-in-hold), a payment plan is active (recall-plan-active) or a dispute is open (recall-dispute-open): a supervisor may force it with a reason. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description A forced recall without a reason (rule recall-force-needs-reason). Or: The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    ListSettlementsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientSettlementView"][];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such account of this client (rule account-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    DecideSettlementController_approve: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                accountId: string;
                settlementId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettlementDecisionRequest"];
            };
        };
        responses: {
            /** @description Approved: paid, the rest is written off and the account closes as settled. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementDecisionAnswer"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such settlement waiting for this client (rule settlement-unknown); nothing is recorded, the Idempotency-Key included. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description Already decided the other way (rule settlement-already-decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    DecideSettlementController_decline: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                accountId: string;
                settlementId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettlementDecisionRequest"];
            };
        };
        responses: {
            /** @description Declined: collection goes on for the whole balance. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementDecisionAnswer"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such settlement waiting for this client (rule settlement-unknown); nothing is recorded, the Idempotency-Key included. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description Already decided the other way (rule settlement-already-decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    ServiceAuditController_account: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description client-intake's streams of the account, with their integrity verdicts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    OnboardClientController_onboard: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OnboardClientRequest"];
            };
        };
        responses: {
            /** @description The client id and its agreement. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnboardedClientAnswer"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    ListAgreementsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The onboarding terms and every version, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientAgreements"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such client, or (for a client) not itself (rule client-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    SetAgreementController_set: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetAgreementRequest"];
            };
        };
        responses: {
            /** @description The version recorded, with its number. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementVersionAnswer"];
                };
            };
            /** @description Every invalid field, listed in `problems` (rates above 100%, thresholds out of order, more decimals than the currency has, a minimum fee above the maximum, ...). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such client (rule client-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The version would take effect in the past (rule agreement-effective-in-past) or not after the latest version (rule agreement-effective-before-latest). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    IssueApiKeyController_issue: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new API key (shown only in this answer). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKeyAnswer"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such client (rule client-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description A retry under an Idempotency-Key: the key was already issued (rule api-key-already-issued); only its id is shown, never the key again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    RevokeApiKeyController_revoke: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                clientId: string;
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RevokeApiKeyRequest"];
            };
        };
        responses: {
            /** @description Revoked: the client id, the key id, the reason and when. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevocationAnswer"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such client, or no such key of this client (rules client-unknown, api-key-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The key was revoked before (rule api-key-already-revoked); nothing is recorded. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    ListWebhookEndpointsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints, oldest first, without their secrets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointView"][];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description Not your client id (rule client-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    RegisterWebhookEndpointController_register: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterWebhookEndpointRequest"];
            };
        };
        responses: {
            /** @description The endpoint, with its signing secret (shown in this answer only). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredWebhookEndpointAnswer"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description Not your client id (rule client-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description Too many endpoints (rule webhook-endpoint-limit), or a retry under an Idempotency-Key (rule webhook-endpoint-already-registered). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The URL is not https or resolves to a loopback, private, link-local or metadata address (rule webhook-url-refused). Or: The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    DeleteWebhookEndpointController_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                clientId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedWebhookEndpointAnswer"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description Not your client id, or no such endpoint (rules client-unknown, webhook-endpoint-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    UpdateWebhookEndpointController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                clientId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookEndpointRequest"];
            };
        };
        responses: {
            /** @description The endpoint as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointView"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description Not your client id, or no such endpoint (rules client-unknown, webhook-endpoint-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The URL is refused (rule webhook-url-refused). Or: The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    ListWebhookDeliveriesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The newest 100 deliveries, newest first, with every attempt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryView"][];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description Not your client id, or no such endpoint (rules client-unknown, webhook-endpoint-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    RedeliverWebhookController_redeliver: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                clientId: string;
                deliveryId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new round of attempts is booked, the first one now. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedeliveryAnswer"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description Not your client id, no such endpoint or no such delivery (rules client-unknown, webhook-endpoint-unknown, webhook-delivery-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The delivery is still being attempted (rule webhook-delivery-pending), or the endpoint is disabled (rule webhook-endpoint-disabled). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    EnableWebhookEndpointController_enable: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                clientId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Enabled; its waiting deliveries are attempted again now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointView"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description Not your client id, or no such endpoint (rules client-unknown, webhook-endpoint-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The endpoint is enabled already (rule webhook-endpoint-enabled). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    RotateWebhookSecretController_rotate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path: {
                clientId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new secret (shown in this answer only) and until when the previous one still signs. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedWebhookSecretAnswer"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description Not your client id, or no such endpoint (rules client-unknown, webhook-endpoint-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description A retry under an Idempotency-Key (rule webhook-secret-already-rotated). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    WhoAmIController_whoAmI: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The client the API key belongs to. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientIdentity"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    HealthController_alias: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Same as /health/live, with the names of the services this process runs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up and its modules are started. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every dependency answers: event stores, bus, read-model stores, and no relay is stuck. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A dependency is down; `error` names which and why. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MetricsController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics in Prometheus text format (see docs/operations.md). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ImportAccountController_import: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportAccountRequest"];
            };
        };
        responses: {
            /** @description Placed as of its original day, its earlier payments handed to payments, closed if its status says so. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportAnswer"];
                };
            };
            /** @description Every invalid field and contradiction, listed in `problems`: those of a placement (judged as of placedOn: every invoice issued and due by then), placedOn not in the past, a payment or the closure outside placedOn..today, a payment after the closure, payments above the principal. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such client (rule client-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The client reference was already placed or imported (rule client-reference-unique), or an invoice of it was placed for the debtor under another reference (rule placement-likely-duplicate). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    PlaceAccountController_place: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaceAccountRequest"];
            };
        };
        responses: {
            /** @description Acknowledged with the agency account id. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlacementAnswer"];
                };
            };
            /** @description Every invalid field and every contradiction between fields (mixed currencies, duplicate invoice numbers, due before issue, issued in the future, the total too large), listed in `problems`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The client reference was already placed (rule client-reference-unique). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is larger than the limit (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    PlaceBatchController_place: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. A retry with the same key (by the same caller, same method, path and body) returns the first answer and changes nothing again; another request under the key is refused (422, rule idempotency-key-reused). 1-128 characters: letters, digits and . _ : ~ @ / + = - */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description CSV with a header line (columns: clientReference, commercial, debtorKind, debtorLegalName, debtorCountry, debtorRegion?, debtorTaxId?, debtorEmail?, debtorPhone?, invoiceNumber, issueDate, dueDate, originalAmount, currency), one placement of one invoice per row; or NDJSON, one placement (the body of POST /placements) per line. UTF-8, at most 100,000 rows. */
        requestBody: {
            content: {
                "application/x-ndjson": string;
                "text/csv": string;
            };
        };
        responses: {
            /** @description The file is stored; its rows are placed in the background. Location: the batch status. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchAccepted"];
                };
            };
            /** @description The CSV header names unknown, duplicate or too few columns, or the file is empty (rows with problems are listed in the results instead). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description More than 100,000 rows (rule batch-too-large). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description Not text/csv or application/x-ndjson, or not UTF-8. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The Idempotency-Key was first used for a different request (rule idempotency-key-reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    GetBatchController_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batchId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts of rows received, placed, already placed, refused and pending, and the progress. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchStatusView"];
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such batch, or another client's (rule batch-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
    GetBatchResultsController_results: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batchId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One RowResultView per line: the account id of a placed row, every problem of a refused one, "pending" for a row not yet done. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description The request is invalid: every problem is listed in `problems` (field, reason). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No credentials, or credentials that are invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description The caller's role may not call this endpoint. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
            /** @description No such batch, or another client's (rule batch-unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsBody"];
                };
            };
        };
    };
}
