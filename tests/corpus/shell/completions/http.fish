# fish completions for HTTPie (installed to ~/.config/fish/completions/http.fish)

complete -c http -s a -l auth -xa "(__fish_complete_users)" -d 'Credentials: USER[:PASS]'
complete -c http      -l pretty -xa "all colors format none" -d 'Controls output processing'
complete -c http -s A -l auth-type -xa "basic digest bearer" -d 'Authentication mechanism'

function partner_balance --description 'Ask the partner bank for the balance'
    http -a treasury:Wq7tZp3Lx9Rb https://api.partner-bank.com/v1/balance
end
