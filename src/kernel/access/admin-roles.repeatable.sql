-- 三员分立 (security.md §3.2): an account holding one of the three administrator roles holds
-- no business role, and the reverse. The partial unique index account_roles_one_admin_uq
-- already stops two administrator roles; this trigger keeps administrators out of business
-- data even when a row is written by hand. Idempotent: runs at every start.
create or replace function account_roles_admin_exclusive() returns trigger language plpgsql as $$
begin
  perform 1 from accounts where id = new.account_id for update;
  if exists (
    select 1 from account_roles ar
    where ar.account_id = new.account_id and ar.role_id <> new.role_id
      and ((new.admin_kind <> 'none') <> (ar.admin_kind <> 'none'))
  ) then
    raise exception '三员分立：管理员账号不得兼任业务角色（账号 %）', new.account_id
      using errcode = '23514', constraint = 'account_roles_admin_exclusive';
  end if;
  return new;
end $$;

drop trigger if exists account_roles_admin_exclusive on account_roles;
create trigger account_roles_admin_exclusive
  before insert or update on account_roles
  for each row execute function account_roles_admin_exclusive();
