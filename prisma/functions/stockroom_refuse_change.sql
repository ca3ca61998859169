-- Trigger function for append-only tables (the audit trail): any UPDATE or
-- DELETE is refused, whoever runs it, so history cannot be rewritten through
-- the app, a script or a console.
CREATE OR REPLACE FUNCTION public.stockroom_refuse_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$function$
